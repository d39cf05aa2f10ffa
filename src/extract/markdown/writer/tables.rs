//! Data tables, collected row by row and written as GitHub pipe tables.

use scraper::node::Element;

use super::{Opened, Row, Table, Writer};
use crate::extract::dom::AttributeExt;
use crate::vocab::MAX_TABLE_COLSPAN;

impl Writer {
    /// A row group, row or cell of the data table being collected.
    pub(super) fn open_table_part(&mut self, element: &Element, tag: &str) -> Opened {
        self.flush_leaf();
        let Some(Table::Data { rows, in_head }) = self.tables.last_mut() else {
            return Opened::Block;
        };
        match tag {
            "thead" => {
                *in_head = true;
                Opened::TableHead
            }
            "tr" => {
                rows.push(Row {
                    cells: Vec::new(),
                    header: true,
                });
                Opened::Row
            }
            "td" | "th" => {
                self.in_cell = true;
                let span = element
                    .attribute("colspan")
                    .and_then(|span| span.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_TABLE_COLSPAN);
                Opened::Cell {
                    header: tag == "th",
                    span,
                }
            }
            _ => Opened::Block,
        }
    }

    pub(super) fn finish_cell(&mut self, header: bool, span: usize) {
        self.close_marks();
        self.in_cell = false;
        let leaf = std::mem::take(&mut self.leaf);
        let cell = leaf.text.replace('\n', " ").replace('|', "\\|");
        if let Some(Table::Data { rows, in_head }) = self.tables.last_mut() {
            if rows.is_empty() {
                rows.push(Row {
                    cells: Vec::new(),
                    header: true,
                });
            }
            if let Some(row) = rows.last_mut() {
                row.header &= header || *in_head;
                row.cells.push(cell);
                row.cells.extend((1..span).map(|_| String::new()));
            }
        }
    }

    pub(super) fn write_table(&mut self, rows: Vec<Row>) {
        let mut rows: Vec<Row> = rows
            .into_iter()
            .filter(|row| row.cells.iter().any(|cell| !cell.is_empty()))
            .collect();
        if rows.is_empty() {
            return;
        }
        // GitHub tables need a header row: the first row of `<th>` cells (or of `<thead>`),
        // else the first row.
        let header = rows.iter().position(|row| row.header).unwrap_or(0);
        let header_row = rows.remove(header);
        rows.insert(0, header_row);
        let columns = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
        let format_row = |cells: &[String]| {
            let mut line = String::from("|");
            for column in 0..columns {
                line.push(' ');
                line.push_str(cells.get(column).map_or("", String::as_str));
                line.push_str(" |");
            }
            line
        };
        let mut lines: Vec<String> = Vec::with_capacity(rows.len() + 1);
        lines.push(format_row(&rows[0].cells));
        lines.push(format!("|{}", " --- |".repeat(columns)));
        lines.extend(rows[1..].iter().map(|row| format_row(&row.cells)));
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        self.write_block(&lines);
    }
}

/// Elements that give a data table its structure.
pub(super) fn is_table_part(tag: &str) -> bool {
    matches!(tag, "thead" | "tbody" | "tfoot" | "tr" | "td" | "th")
}

#[cfg(test)]
mod tests {
    use crate::extract::markdown::tests::{assert_tidy, markdown};

    #[test]
    fn tables_take_their_header_from_th_cells() {
        let md = markdown(
            "<table><tr><td>1</td><td>2</td></tr><tr><th>Name</th><th>Score</th></tr>\
             <tr><td>Ann</td><td>9</td></tr></table>",
        );
        assert_eq!(
            md,
            "| Name | Score |\n| --- | --- |\n| 1 | 2 |\n| Ann | 9 |"
        );
    }

    #[test]
    fn tables_without_th_take_the_first_row_as_header() {
        let md = markdown(
            "<table><caption>Scores</caption><tr><td>a|b</td><td>line<br>break</td></tr>\
             <tr><td colspan=2><b>wide</b> <a href='/x'>cell</a></td></tr><tr><td>short</td></tr></table>",
        );
        assert_eq!(
            md,
            "Scores\n\n| a\\|b | line break |\n| --- | --- |\n| **wide** [cell](/x) |  |\n| short |  |"
        );
        assert_tidy(&md);
    }
}
