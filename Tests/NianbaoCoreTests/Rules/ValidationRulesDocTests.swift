import Foundation
import Testing
@testable import NianbaoCore

/// docs/validation-rules.md must list every rule the validator runs, so the doc cannot drift.
@Suite struct ValidationRulesDocTests {
    static func repoRoot() throws -> URL {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile)
    }

    static func doc() throws -> String {
        try String(contentsOf: repoRoot().appendingPathComponent("docs/validation-rules.md"), encoding: .utf8)
    }

    /// Rule ids that appear as a heading (`### T3-1 …`) or as the first cell of a table row (`| T3-1 |`, `` | `T3-1` | ``).
    static func documentedIDs(_ text: String) -> Set<String> {
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var token: Substring?
            if trimmed.hasPrefix("#") {
                token = trimmed.drop { $0 == "#" }.split(separator: " ").first
            } else if trimmed.hasPrefix("|") {
                token = trimmed.dropFirst().split(separator: "|").first.map { Substring($0.trimmingCharacters(in: .whitespaces)) }
            }
            if let token { ids.insert(token.trimmingCharacters(in: CharacterSet(charactersIn: "`*"))) }
        }
        return ids
    }

    @Test func everyRuleIsDocumented() throws {
        let ids = Self.documentedIDs(try Self.doc())
        for rule in Validator.rules {
            #expect(ids.contains(rule.id), "docs/validation-rules.md lacks a heading or table row for \(rule.id)")
        }
    }

    @Test func everyRuleHasItsOwnSection() throws {
        let text = try Self.doc()
        for rule in Validator.rules {
            #expect(text.contains("### \(rule.id) "), "no `### \(rule.id) …` section")
        }
    }

    @Test func documentedSeveritiesMatch() throws {
        // The summary table row reads: | `ID` | severity | forms | previous? | … |
        let text = try Self.doc()
        for rule in Validator.rules {
            let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(rule.id)` |") }
            #expect(row?.contains("| \(rule.severity.rawValue) |") == true, "\(rule.id) severity in the summary table")
        }
    }
}
