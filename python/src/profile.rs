//! `dechaff.Profile`: the blocks each site repeats across its pages, built from pages or loaded
//! from a file `dechaff profile` wrote, for the `profile=` option of the cleaning functions.

use std::io::BufReader;
use std::sync::Arc;

use dechaff::limits::PageLimits;
use dechaff::profile::{counted_blocks, Counts, Profile as SiteProfile, Thresholds};
use dechaff::vocab::{PROFILE_MIN_PAGES, PROFILE_MIN_SHARE, PROFILE_MIN_STORED_PAGES};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::item_to_page;

/// The blocks each site repeats across its pages (footers, newsletter pitches, comment
/// notices); cleaning with `profile=` drops them from that site's pages.
#[pyclass(module = "dechaff._dechaff", frozen)]
pub struct Profile {
    /// The table the thresholds were applied to.
    counts: Counts,
    /// The boilerplate blocks of each site, shared by every cleaning call.
    pub(crate) profile: Arc<SiteProfile>,
}

/// The thresholds of the `min_pages` and `min_share` arguments (the command line's defaults
/// when `None`), or why they are out of range.
fn thresholds(min_pages: Option<u64>, min_share: Option<f64>) -> PyResult<Thresholds> {
    let min_pages = min_pages.unwrap_or(PROFILE_MIN_PAGES);
    let min_share = min_share.unwrap_or(PROFILE_MIN_SHARE);
    if min_pages < PROFILE_MIN_STORED_PAGES {
        return Err(PyValueError::new_err(format!(
            "min_pages must be at least {PROFILE_MIN_STORED_PAGES}"
        )));
    }
    if !(0.0..=1.0).contains(&min_share) {
        return Err(PyValueError::new_err("min_share must be between 0 and 1"));
    }
    Ok(Thresholds {
        min_pages,
        min_share,
    })
}

impl Profile {
    fn new(counts: Counts, thresholds: Thresholds) -> Profile {
        let profile = Arc::new(counts.profile(thresholds));
        Profile { counts, profile }
    }
}

#[pymethods]
impl Profile {
    /// Counts the blocks of `pages` (the items `clean_many` takes; a page's site is its URL's
    /// host) as the command line's `--site-profile` counts them.
    #[staticmethod]
    #[pyo3(signature = (pages, *, min_pages=None, min_share=None))]
    fn build(
        py: Python<'_>,
        pages: &Bound<'_, PyAny>,
        min_pages: Option<u64>,
        min_share: Option<f64>,
    ) -> PyResult<Profile> {
        let thresholds = thresholds(min_pages, min_share)?;
        let iterator = pages
            .try_iter()
            .map_err(|_| PyTypeError::new_err("pages must be an iterable of pages"))?;
        let limits = PageLimits::default();
        let mut counts = Counts::default();
        for (index, item) in (0u64..).zip(iterator) {
            let page = item_to_page(&item?, index)?;
            if let Some((site, hashes)) = py.detach(|| counted_blocks(&page, &limits)) {
                counts.add_page(&site, &hashes);
            }
        }
        Ok(Profile::new(counts, thresholds))
    }

    /// Reads a profile file written by `dechaff profile` (gzip or zstd too).
    #[staticmethod]
    #[pyo3(signature = (path, *, min_pages=None, min_share=None))]
    fn load(
        path: std::path::PathBuf,
        min_pages: Option<u64>,
        min_share: Option<f64>,
    ) -> PyResult<Profile> {
        let thresholds = thresholds(min_pages, min_share)?;
        let shown = path.display().to_string();
        let file = dechaff::input::open_reader(&path)
            .map_err(|error| PyOSError::new_err(format!("cannot read profile {shown}: {error}")))?;
        let counts = Counts::read(&mut BufReader::new(file)).map_err(|error| {
            PyValueError::new_err(format!("cannot read profile {shown}: {error}"))
        })?;
        Ok(Profile::new(counts, thresholds))
    }

    /// Sites with boilerplate blocks.
    #[getter]
    fn sites(&self) -> usize {
        self.profile.sites()
    }

    /// Boilerplate blocks over all sites.
    #[getter]
    fn blocks(&self) -> usize {
        self.profile.blocks()
    }

    /// Pages counted.
    #[getter]
    fn pages(&self) -> u64 {
        self.counts.sites.values().map(|site| site.pages).sum()
    }

    fn __repr__(&self) -> String {
        format!(
            "Profile(pages={}, sites={}, blocks={})",
            self.pages(),
            self.sites(),
            self.blocks()
        )
    }
}
