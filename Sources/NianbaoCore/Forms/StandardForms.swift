/// The two official declarations, built once.
extension FormDefinition {
    /// The 2019 form (国办公开办函〔2019〕60号).
    public static let v2019 = FormDefinition(
        version: .v2019, sections: SectionDefinition.standard(),
        tables: [.table2(.v2019), .table3(.v2019), .table4])

    /// The 2021 form (国办公开办函〔2021〕30号).
    public static let v2021 = FormDefinition(
        version: .v2021, sections: SectionDefinition.standard(),
        tables: [.table2(.v2021), .table3(.v2021), .table4])
}
