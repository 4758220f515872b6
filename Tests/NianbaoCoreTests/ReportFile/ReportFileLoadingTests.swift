import Foundation
import Testing
@testable import NianbaoCore

/// Untrusted files: every problem is a clear error with where it is, never a crash.
@Suite struct ReportFileLoadingTests {
    func seedText() throws -> String { String(decoding: try SeedFixtureTests.seedBytes(), as: UTF8.self) }

    func error(_ text: String) -> ReportFileError? {
        do {
            _ = try ReportFile.decode(Array(text.utf8), path: "x.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func wrongTypeNamesPathAndPosition() throws {
        let text = try seedText().replacingOccurrences(of: "\"fix\": 1,", with: "\"fix\": \"1\",")
        let e = try #require(error(text))
        #expect(e.jsonPath == "/tables/t4/lr/fix")
        #expect(e.line != nil && e.column != nil)
        #expect(e.message.contains("结果纠正"))
        #expect(e.description.hasPrefix("x.json:\(e.line!):\(e.column!): "))
    }

    @Test func unknownKey() throws {
        let text = try seedText().replacingOccurrences(of: "\"year\": 2020", with: "\"year\": 2020,\n  \"yaer\": 2020")
        let e = try #require(error(text))
        #expect(e.jsonPath == "/yaer")
        #expect(e.message.contains("未知"))
    }

    @Test func duplicateKey() throws {
        let text = try seedText().replacingOccurrences(of: "\"year\": 2020", with: "\"year\": 2020,\n  \"year\": 2021")
        let e = try #require(error(text))
        #expect(e.line != nil)
    }

    @Test func missingCell() throws {
        let text = try seedText().replacingOccurrences(of: "\"fix\": 1,\n", with: "")
        let e = try #require(error(text))
        #expect(e.jsonPath == "/tables/t4/lr")
        #expect(e.message.contains("fix"))
    }

    @Test func numberTooLargeForItsCell() throws {
        let text = try seedText().replacingOccurrences(of: "\"fix\": 1,", with: "\"fix\": 99999999999999999999,")
        #expect(try #require(error(text)).jsonPath == "/tables/t4/lr/fix")
        let text2 = try seedText().replacingOccurrences(of: "\"fix\": 1,", with: "\"fix\": 1000000000000,")
        #expect(try #require(error(text2)).message.contains("过大"))
    }

    @Test func fractionInACountCell() throws {
        let text = try seedText().replacingOccurrences(of: "\"fix\": 1,", with: "\"fix\": 1.5,")
        #expect(try #require(error(text)).message.contains("整数"))
    }

    @Test func amountAsNumberIsRefused() throws {
        let text = try seedText().replacingOccurrences(of: "\"proc_amount\": \"3194.752\"", with: "\"proc_amount\": 3194.752")
        #expect(try #require(error(text)).message.contains("字符串"))
    }

    @Test func newerSchemaIsRefused() throws {
        let text = try seedText().replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 3")
        let e = try #require(error(text))
        #expect(e.message.contains("升级"))
    }

    @Test func notAReport() {
        #expect(error("{}")!.message.contains("不是 nianbao 报告文件"))
        #expect(error("[1,2]")!.message.contains("不是 nianbao 报告文件"))
        #expect(error("")!.line != nil)
    }

    @Test func yearBeforeTheFormsIsRefused() throws {
        let text = try seedText().replacingOccurrences(of: "\"year\": 2020", with: "\"year\": 2018")
        #expect(try #require(error(text)).message.contains("2019"))
    }

    @Test func gbkIsRefusedWithAMessageThatSaysSo() {
        var bytes = Array("{\"agency\": \"".utf8)
        bytes += [0xD5, 0xFE, 0xB8, 0xAE]  // 政府 in GBK
        bytes += Array("\"}".utf8)
        do {
            _ = try ReportFile.decode(bytes, path: "gbk.json")
            Issue.record("GBK accepted")
        } catch {
            #expect(error.message.contains("GBK"))
        }
    }

    @Test func oversizedFileIsRefused() {
        let bytes = [UInt8](repeating: 0x20, count: ReportFile.maxFileBytes + 1)
        #expect(throws: ReportFileError.self) { try ReportFile.decode(bytes, path: "big.json") }
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(text) != nil)
    }

    /// Every file of the public JSONTestSuite: none is a report, so each must end in a clear error.
    @Test func jsonTestSuiteNeverLoadsAsAReport() throws {
        let dir = try #require(SharedTestData.directory("jsontestsuite"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        #expect(files.count > 300)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent(file)))
            #expect(throws: ReportFileError.self, "\(file)") { try ReportFile.decode(bytes, path: file) }
        }
    }
}
