"""Dolma: a WARC linearizer registered under the name `dechaff`.

Importing this module registers it; Dolma's WARC pipeline then takes `linearizer_name="dechaff"`:

    import dechaff.dolma  # at the top of the script: Dolma's workers re-import it
    from dolma.warc import create_and_run_warc_pipeline

    if __name__ == "__main__":
        create_and_run_warc_pipeline(documents="crawl/*.warc.gz", destination="out/",
                                     source_name="crawl", linearizer_name="dechaff")

The `dolma warc` command cannot import plugins itself; `python -m dechaff.dolma warc ...`
runs it with this linearizer registered (`--linearizer dechaff`).
"""

from typing import Union

from dolma.warc.linearizers import BaseLinearizer, LinearizerRegistry

import dechaff

__all__ = ["DechaffLinearizer"]


@LinearizerRegistry.add("dechaff")
class DechaffLinearizer(BaseLinearizer):
    """The article text of a page, "" when it has none (Dolma writes such documents with empty
    text; filter them out downstream)."""

    def __init__(self) -> None:
        pass

    def linearize(self, content: Union[str, bytes]) -> str:
        return dechaff.clean(content)["text"] or ""


if __name__ == "__main__":
    from dolma.cli.__main__ import main

    main()
