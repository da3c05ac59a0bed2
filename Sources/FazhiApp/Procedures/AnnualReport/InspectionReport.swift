import FazhiCore

/// What 法治督察 puts into the report: the inspections and their rectification (制约监督), and rectification still
/// open or late (part 二).
enum InspectionReport {
    static let contributions = [
        ReportContribution(
            .oversight, set: RuleOfLawInspectionProcedure.id,
            sentences: ["开展法治督察{inspected}个单位次，反馈督察意见{fedBack}份，已整改办结{rectified}个。"],
            compared: ["inspected", "fedBack"],
            shortfalls: [
                Shortfall("rectifying", .above(0), "法治督察发现的问题整改还不到位，有{rectifying}个单位尚在整改。"),
                Shortfall("rectifiedLate", .above(0), "有{rectifiedLate}个单位未按期报送督察整改情况。"),
            ])
    ]
}
