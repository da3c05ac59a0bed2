import Foundation

/// The 执法监督预警 the enforcement records can raise (besides the generic 办理期限逾期).
extension AlertRule {
    /// A 罚款 decided outside the range the registered 裁量基准 gives (the deviation and its reason recorded at 拟作处罚).
    public static let outsideBenchmark = AlertRule(
        "outside_benchmark", "偏离裁量基准", basis: "行政处罚法 第三十四条；国办发〔2022〕27号",
        asks: "说明不按裁量基准处罚的理由及法制审核情况")
    /// The same object inspected again within the set number of days (`repeatInspectionDays`) without a complaint
    /// that justifies it: "综合查一次", no 重复检查.
    public static let repeatInspection = AlertRule(
        "repeat_inspection", "短期内重复检查", basis: "国办发〔2024〕54号（严格规范涉企行政检查）；间隔天数为本地设置",
        asks: "说明再次检查的依据；可以合并的检查应当综合查一次")
    /// A penalty decision published after its publication period (事后公示).
    public static let latePublication = AlertRule(
        "late_publication", "未按期公示", basis: "行政处罚法 第四十八条；国办发〔2018〕118号",
        asks: "说明逾期公示的原因并落实按期公示")
    /// A case transferred to the judicial organs (两法衔接) without their feedback after the set number of days.
    public static let transferWithoutFeedback = AlertRule(
        "transfer_no_feedback", "移送后未获反馈", basis: "行政执法机关移送涉嫌犯罪案件的规定 第八条",
        asks: "跟踪移送案件的立案情况，登记司法机关的反馈")
    /// An enforcement officer of a body who took part in no case of the last full year (零执法).
    public static let zeroEnforcement = AlertRule(
        "zero_enforcement", "执法人员零执法", basis: "行政执法监督条例 第二条、第六条（对行政执法工作的监督）",
        asks: "说明该执法人员全年未办理案件的原因（岗位调整、不再从事执法的，应当办理执法证件注销）")
}
