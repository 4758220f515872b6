/// Generates the id ↔ label tables of `docs/file-format.md` from the form declarations.
public enum FormDocumentation {
    /// Markdown listing every section, table, row and column id beside its official label, for both forms.
    public static func idTables() -> String {
        var out = "## Sections\n\n| id | heading | content |\n|---|---|---|\n"
        for section in FormDefinition.v2021.sections {
            let content: String
            switch section.content {
            case .text: content = "text (`sections.\(section.id.rawValue)`)"
            case .table(let t): content = "table `tables.\(t.rawValue)`"
            }
            out += "| `\(section.id.rawValue)` | \(section.title) | \(content) |\n"
        }
        for form in FormVersion.allCases {
            let def = form.definition
            out += "\n## Form \(form.rawValue) (\(form.notice))\n"
            for table in def.tables {
                out += "\n### Table `\(table.id.rawValue)` — \(def.section(table.id.section).title)\n"
                if let note = table.cornerNote { out += "\nCorner note: \(note)\n" }
                for block in table.blocks {
                    out += "\n"
                    if let caption = block.caption { out += "Block `\(block.id)` — \(caption)\n\n" }
                    out += "| column id | label (header path) | kind |\n|---|---|---|\n"
                    for column in block.columns {
                        let kind = column.isComputed ? "computed: sum of " + (column.sumOf ?? []).map { "`\($0)`" }.joined(separator: " + ") : column.kind.rawValue
                        out += "| `\(column.id)` | \(column.labelPath.joined(separator: " › ")) | \(kind) |\n"
                    }
                    out += "\n| row id | label (row-group path) | cells |\n|---|---|---|\n"
                    for row in block.rows {
                        let cells = block.columns.filter { row.hasCell(in: $0.id) }.count
                        let note = row.isComputed ? "; computed: sum of \(row.sumOf?.count ?? 0) rows (\(row.sumRule ?? ""))" : ""
                        out += "| `\(row.id)` | \(row.labelPath.joined(separator: " › ")) | \(cells)\(note) |\n"
                    }
                }
            }
            out += "\n\(def.cells.count) cells in all; \(def.cells.filter(\.isComputed).count) of them computed.\n"
        }
        return out
    }
}
