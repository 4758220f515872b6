import Testing
@testable import NianbaoCore

/// The decode plans list each object's keys in the order a canonical file has them (RFC 8785:
/// by UTF-16 code units), although they sort by UTF-8 bytes.
@Suite struct DecodePlanTests {
    static func check(_ set: KeySet) {
        #expect(set.sorted == set.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        #expect(set.order.map { set.sorted[$0] } == set.keys)
        #expect(set.keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test(arguments: FormVersion.allCases)
    func everyKeySetIsInCanonicalOrder(form: FormVersion) {
        Self.check(DecodePlan.top)
        Self.check(DecodePlan.sections)
        let plan = DecodePlan.tables[form]
        Self.check(plan.tables)
        for table in plan.perTable {
            Self.check(table.rows)
            for row in table.perRow {
                Self.check(row.columns)
                #expect(row.kinds.count == row.columns.keys.count)
            }
        }
    }
}
