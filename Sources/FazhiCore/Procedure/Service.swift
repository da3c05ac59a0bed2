import Foundation

/// 送达 (service): the day a document counts as served depends on how it was served — 民事诉讼法 第七章第二节, applied by
/// 行政处罚法 第六十一条第一款 and 行政复议法 第八十八条第一款. Every period the law counts "自送达之日起" (the 15 days to pay, the
/// 60 days to apply for 复议, the 催告 period) runs from this day, not from the day the step was recorded.
public enum Service {
    /// 民事诉讼法 第九十五条: 公告送达 is deemed served when 30 days have passed since the announcement.
    public static let announcementDays = 30

    /// The day the party signed for it: required for post (民事诉讼法 第九十一条: 回执上注明的收件日期为送达日期); for
    /// direct, 留置 or electronic service it defaults to the step's day (第八十七条、第八十九条、第九十条).
    public static let signedOn = InputField(
        "signedOn", "签收日期（邮寄送达的为回执上注明的收件日期；直接、留置、电子送达不填即为办理之日）", .date, required: false)
    /// The day the announcement was published (公告送达).
    public static let announcedOn = InputField("announcedOn", "公告发布日期（公告送达的填写）", .date, required: false)

    /// The service date the step's inputs give, by method: 公告 → the announcement + 30 days (moved past a rest day, as
    /// every period's end, 民事诉讼法 第八十五条); otherwise the signing date, or the step's day.
    public static func servedOn(_ c: StepContext, method key: String) -> CivilDate {
        let own = c.stepInputs
        if own.text(key) == "announcement", let on = own.date(ServiceFacts.announcedOn.id) {
            return c.calendar.periodEnd(on.adding(days: announcementDays))
        }
        return own.date(ServiceFacts.signedOn.id) ?? c.date
    }

    /// The dates a serving step needs for its method, none of them after the step's day.
    static func gates(method key: String) -> [Gate] {
        [
            Gate("民事诉讼法 第九十一条", "邮寄送达的，以回执上注明的收件日期为送达日期：请填写签收日期", field: ServiceFacts.signedOn.id) { c in
                c.inputs.text(key) != "post" || c.inputs.date(ServiceFacts.signedOn.id) != nil
            },
            Gate("民事诉讼法 第九十五条", "公告送达的，请填写公告发布日期（自公告发出之日起经过三十日视为送达）", field: ServiceFacts.announcedOn.id) { c in
                c.inputs.text(key) != "announcement" || c.inputs.date(ServiceFacts.announcedOn.id) != nil
            },
            Gate("民事诉讼法 第八十七条", "签收日期不能晚于登记之日", field: ServiceFacts.signedOn.id) { c in
                c.inputs.date(ServiceFacts.signedOn.id).map { $0 <= c.date } ?? true
            },
            // A document cannot be received before the case reached the step that makes it (a notice signed for before
            // the proposal existed would start the party's period early).
            Gate("民事诉讼法 第八十七条", "签收日期不能早于上一步骤的办理日期（文书尚未制作）", field: ServiceFacts.signedOn.id) { c in
                guard let signed = c.inputs.date(ServiceFacts.signedOn.id), let last = c.file.steps.last?.on else {
                    return true
                }
                return signed >= last
            },
            Gate("民事诉讼法 第九十五条", "公告发布日期不能晚于登记之日", field: ServiceFacts.announcedOn.id) { c in
                c.inputs.date(ServiceFacts.announcedOn.id).map { $0 <= c.date } ?? true
            },
        ]
    }
}

/// A party's filing (a hearing request, an answer, 补正 material, an appeal) sent by post is in time when it was posted
/// before the period ended: 民事诉讼法 第八十五条第四款 "期间不包括在途时间，诉讼文书在期满前交邮的，不算过期".
public enum Posting {
    public static let postedOn = InputField("postedOn", "交邮日期（邮寄提交的，以邮戳日期为准；当面提交的不填）", .date, required: false)

    /// The day the filing counts as made: the postmark when given, else the day it was received (the step's day).
    public static func filedOn(_ c: StepContext) -> CivilDate { c.stepInputs.date(ServiceFacts.postedOn.id) ?? c.date }

    static let gate = Gate("民事诉讼法 第八十五条第四款", "交邮日期不能晚于收到之日", field: ServiceFacts.postedOn.id) { c in
        c.inputs.date(ServiceFacts.postedOn.id).map { $0 <= c.date } ?? true
    }
}

extension ActionDefinition {
    /// A step that records a document served on a party: asks the dates its method needs (签收日期, 公告日期).
    public func recordsService(method key: String) -> Self {
        var c = asks(Service.signedOn, Service.announcedOn)
        c.gates += Service.gates(method: key)
        return c
    }

    /// A step that records a party's filing: asks the postmark date that decides timeliness when it came by post.
    public func recordsFiling() -> Self {
        var c = asks(Posting.postedOn)
        c.gates.append(Posting.gate)
        return c
    }
}
