import Testing
@testable import NianbaoCore

@Suite struct AmountTests {
    @Test func pointOnePlusPointTwoIsExactlyPointThree() throws {
        let a = try #require(Amount("0.1")), b = try #require(Amount("0.2")), c = try #require(Amount("0.3"))
        #expect(a.adding(b) == c)
        #expect(a.adding(b)?.description == "0.3")
        #expect(CellValue.sum([.amount(a), .amount(b)]) == .amount(c))
        #expect(CellValue.sum([.count(1), .amount(a), .amount(b)]) == .amount(Amount("1.3")!))
        let cells: [CellValue] = [.amount(a), .count(2), .amount(b)]
        #expect(CellValue.sum(of: [0, 1, 2], in: cells) == .amount(Amount("2.3")!))
    }

    @Test func blankIsNeverZeroInSums() {
        #expect(CellValue.sum([.count(1), .empty]) == nil)
        #expect(CellValue.sum(of: [0, 1], in: [.count(1), .empty]) == nil)
        #expect(CellValue.sum([CellValue]()) == .count(0))
        #expect(!CellValue.empty.isZero)
        #expect(!CellValue.empty.numericallyEquals(.count(0)))
    }

    @Test func countAndAmountCompareNumerically() {
        #expect(CellValue.count(3).numericallyEquals(.amount(Amount("3.000")!)))
        #expect(!CellValue.count(3).numericallyEquals(.amount(Amount("3.0001")!)))
    }

    @Test(arguments: [
        ("3194.7520", "3194.752", 3), ("3194.752", "3194.752", 3), ("-0.0", "0", 0), ("0", "0", 0),
        ("-11", "-11", 0), ("0.0001", "0.0001", 4), ("12.50", "12.5", 1),
        ("1000000000000", "1000000000000", 0), ("0.123456789012", "0.123456789012", 12),
    ])
    func parsesAndNormalises(text: String, canonical: String, scale: Int) throws {
        let amount = try #require(Amount(text))
        #expect(amount.description == canonical)
        #expect(amount.scale == scale)
        #expect(Amount(amount.description) == amount)
    }

    @Test func negativeZeroIsZero() throws {
        let z = try #require(Amount("-0.0"))
        #expect(z == .zero)
        #expect(!z.isNegative)
        #expect(z.isZero)
    }

    @Test(arguments: ["1e5", "1E5", "1,000", ".5", "5.", "+5", "", "-", "--1", " 1", "1 ", "１２", "0x10", "1.2.3",
                      "1234567890123456789", "1000000000001", "0.1234567890123", "NaN", "inf", "3,194.752", "251000元"])
    func rejects(text: String) {
        #expect(Amount(text) == nil)
    }

    @Test(arguments: [
        ("3194.752", "3,194.752"), ("999", "999"), ("1000", "1,000"), ("-1234567.5", "-1,234,567.5"),
        ("0.0001", "0.0001"), ("100000", "100,000"), ("0", "0"), ("-999", "-999"), ("-0.5", "-0.5"),
        ("123456789012", "123,456,789,012"), ("1000.0100", "1,000.01"),
    ])
    func groupedDisplay(text: String, grouped: String) {
        #expect(Amount(text)?.grouped == grouped)
    }

    @Test func groupedExtremes() {
        #expect(Amount(integer: .min).grouped == "-9,223,372,036,854,775,808")
        #expect(Amount(integer: .max).grouped == "9,223,372,036,854,775,807")
        #expect(Amount(normalizing: -5, scale: 12).grouped == "-0.000000000005")
    }

    @Test func ordering() {
        #expect(Amount("0.3")! < Amount("0.31")!)
        #expect(Amount("-1")! < Amount("0")!)
        #expect(Amount("2")! > Amount("1.9999")!)
    }

    @Test func overflowIsNilNotWrong() {
        let big = Amount(normalizing: .max, scale: 0)
        #expect(big.adding(Amount(integer: 1)) == nil)
        #expect(CellValue.sum([.count(.max), .count(1)]) == nil)
    }

    @Test func cellValueText() {
        #expect(CellValue.count(1234).displayText == "1,234")
        #expect(CellValue.empty.displayText == "")
        #expect(CellValue.count(-8).description == "-8")
        for n: Int64 in [-1_000_001, -1000, -999, -8, 0, 7, 999, 1000, 12_345, 999_999_999_999] {
            #expect(CellValue.count(n).displayText == Amount(integer: n).grouped, "\(n)")
        }
    }
}
