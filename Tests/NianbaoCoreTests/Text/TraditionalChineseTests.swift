import Testing
@testable import NianbaoCore

/// The generated Traditional → Simplified character table (`scripts/generate-traditional-mapping.py`).
@Suite struct TraditionalChineseTests {
    /// Labels as printed in Traditional-script copies of reports, with their Simplified forms.
    /// Written by hand from the official labels, character by character, not from the table.
    static let knownPairs: [(String, String)] = [
        ("規章", "规章"),
        ("行政規範性文件", "行政规范性文件"),
        ("第二十條第（一）項", "第二十条第（一）项"),
        ("本年制發件數", "本年制发件数"),
        ("本年廢止件數", "本年废止件数"),
        ("現行有效件數", "现行有效件数"),
        ("本年處理決定數量", "本年处理决定数量"),
        ("行政許可", "行政许可"),
        ("行政處罰", "行政处罚"),
        ("行政強制", "行政强制"),
        ("行政事業性收費", "行政事业性收费"),
        ("本年收費金額（單位：萬元）", "本年收费金额（单位：万元）"),
        ("申請人情況", "申请人情况"),
        ("自然人", "自然人"),
        ("法人或其他組織", "法人或其他组织"),
        ("商業企業", "商业企业"),
        ("科研機構", "科研机构"),
        ("社會公益組織", "社会公益组织"),
        ("法律服務機構", "法律服务机构"),
        ("總計", "总计"),
        ("一、本年新收政府信息公開申請數量", "一、本年新收政府信息公开申请数量"),
        ("二、上年結轉政府信息公開申請數量", "二、上年结转政府信息公开申请数量"),
        ("三、本年度辦理結果", "三、本年度办理结果"),
        ("（一）予以公開", "（一）予以公开"),
        ("（二）部分公開（區分處理的，只計這一情形，不計其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("1.屬於國家秘密", "1.属于国家秘密"),
        ("2.其他法律行政法規禁止公開", "2.其他法律行政法规禁止公开"),
        ("3.危及「三安全一穩定」", "3.危及「三安全一稳定」"),
        ("4.保護第三方合法權益", "4.保护第三方合法权益"),
        ("5.屬於三類內部事務信息", "5.属于三类内部事务信息"),
        ("6.屬於四類過程性信息", "6.属于四类过程性信息"),
        ("7.屬於行政執法案卷", "7.属于行政执法案卷"),
        ("8.屬於行政查詢事項", "8.属于行政查询事项"),
        ("（四）無法提供", "（四）无法提供"),
        ("1.本機關不掌握相關政府信息", "1.本机关不掌握相关政府信息"),
        ("2.沒有現成信息需要另行製作", "2.没有现成信息需要另行制作"),
        ("3.補正後申請內容仍不明確", "3.补正后申请内容仍不明确"),
        ("（五）不予處理", "（五）不予处理"),
        ("1.信訪舉報投訴類申請", "1.信访举报投诉类申请"),
        ("2.重複申請", "2.重复申请"),
        ("3.要求提供公開出版物", "3.要求提供公开出版物"),
        ("5.要求行政機關確認或重新出具已獲取信息", "5.要求行政机关确认或重新出具已获取信息"),
        ("1.申請人無正當理由逾期不補正、行政機關不再處理其政府信息公開申請",
         "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請",
         "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("四、結轉下年度繼續辦理", "四、结转下年度继续办理"),
        ("行政複議", "行政复议"),
        ("行政訴訟", "行政诉讼"),
        ("結果維持", "结果维持"),
        ("結果糾正", "结果纠正"),
        ("其他結果", "其他结果"),
        ("尚未審結", "尚未审结"),
        ("未經複議直接起訴", "未经复议直接起诉"),
        ("複議後起訴", "复议后起诉"),
        ("政府信息公開工作年度報告", "政府信息公开工作年度报告"),
        ("主動公開政府信息情況", "主动公开政府信息情况"),
        ("收到和處理政府信息公開申請情況", "收到和处理政府信息公开申请情况"),
        ("政府信息公開行政複議、行政訴訟情況", "政府信息公开行政复议、行政诉讼情况"),
        ("存在的主要問題及改進情況", "存在的主要问题及改进情况"),
        ("其他需要報告的事項", "其他需要报告的事项"),
        ("本年新製作數量", "本年新制作数量"),
        ("對外公開總數量", "对外公开总数量"),
        ("上一年項目數量", "上一年项目数量"),
        ("本年增/減", "本年增/减"),
        ("採購總金額", "采购总金额"),
        ("政府集中採購", "政府集中采购"),
    ]

    @Test func knownPairsMap() {
        for (traditional, simplified) in Self.knownPairs {
            #expect(TraditionalChinese.toSimplified(traditional) == simplified, "\(traditional)")
            // And the Simplified form is a fixed point.
            #expect(TraditionalChinese.toSimplified(simplified) == simplified, "\(simplified)")
        }
    }

    /// Every label, caption, note and heading of both official forms is already Simplified and
    /// must come out unchanged, character for character.
    @Test func officialLabelsMapToThemselves() {
        var texts: [String] = []
        for form in [FormDefinition.v2019, FormDefinition.v2021] {
            texts += form.sections.map(\.title)
            for table in form.tables {
                texts += [table.cornerNote, table.rowHeader].compactMap { $0 }
                for block in table.blocks {
                    texts += [block.caption].compactMap { $0 }
                    for column in block.columns { texts += column.labelPath }
                    for row in block.rows { texts += row.labelPath }
                }
            }
            texts += form.cells.map(\.rowLabel)
        }
        #expect(texts.count > 200)
        for text in texts {
            #expect(TraditionalChinese.toSimplified(text) == text, "official label changed: \(text)")
            #expect(!TraditionalChinese.hasTraditional(text), "\(text)")
        }
    }

    @Test func tableIsSortedAndConsistent() {
        let keys = TraditionalChineseTable.traditional
        #expect(keys.count == TraditionalChineseTable.simplified.count)
        #expect(keys.count > 3000)
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(keys, TraditionalChineseTable.simplified).allSatisfy { $0 != $1 })
        // Ambiguous characters are left as printed.
        for scalar in TraditionalChineseTable.ambiguous.unicodeScalars {
            #expect(TraditionalChinese.simplified(scalar) == nil)
        }
    }

    @Test func narrativeAndOtherScriptsUnchanged() {
        let text = "abc 123 ＡＢ；《条例》第二十条 😀 e\u{301}"
        #expect(TraditionalChinese.toSimplified(text) == text)
        #expect(TraditionalChinese.toSimplified("") == "")
    }
}
