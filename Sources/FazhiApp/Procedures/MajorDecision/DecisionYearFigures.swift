import FazhiCore
import FazhiStore
import Vapor

/// 重大行政决策年度概况: what the seeds report of a year beyond each decision's own figures — the catalogue's items, the
/// decisions started in the year, the comments received and adopted in the year's consultations, hearings, reviews by
/// opinion, 后评估, adjustments and stops — counted from the steps taken in the year.
enum DecisionYearFigures {
    static let figures = FigureSet(id: "major_decision_year", title: "重大行政决策年度概况") { req, year, bodies in
        typealias S = MajorDecisionProcedure.Step
        let catalogues = try await MajorDecisionStore.started(procedure: DecisionCatalogueProcedure.id, on: req.readDB)
            .filter {
                bodies.contains($0.file.bodyID) && Int($0.file.facts[DecisionCatalogueProcedure.Fact.year] ?? 0) == year
            }
        let items = catalogues.flatMap { $0.file.facts.list(DecisionCatalogueProcedure.Fact.publishedItems.id) }
        let files = try await CaseStore.filesOpenDuring(
            procedure: MajorDecisionProcedure.id, bodies: bodies, year: year, on: req.readDB
        ).map(\.file)
        func steps(_ action: String) -> [CaseStep] {
            files.flatMap { f in f.steps.filter { $0.action == action && $0.on.year == year } }
        }
        let closes = files.filter { f in f.steps.contains { $0.action == S.closeConsultation && $0.on.year == year } }
        let received = closes.reduce(0) { $0 + Int($1.facts[MajorDecisionFact.commentsReceived] ?? 0) }
        let adopted = closes.reduce(0) { $0 + Int($1.facts[MajorDecisionFact.commentsAdopted] ?? 0) }
        func f(_ id: String, _ label: String, _ definition: String, _ n: Int, unit: String = "件") -> FigureOut {
            FigureOut(id: id, label: label, definition: definition, value: Double(n), unit: unit, records: nil)
        }
        let out = [
            f("catalogueItems", "目录事项", "本年度决策事项目录（最新公布版本）列明的事项", items.count, unit: "项"),
            f("started", "本年启动", "本年决定启动决策程序的事项", steps(S.start).count),
            f(
                "outsideCatalogue", "目录外启动", "本年启动的未列入目录的事项",
                files.filter { f in
                    f.steps.contains { $0.action == S.start && $0.on.year == year }
                        && !(f.facts[MajorDecisionFact.outsideCatalogueReason] ?? "").isEmpty
                }.count),
            f("consultations", "公开征求意见", "本年结束公开征求意见的决策草案", closes.count),
            f("commentsReceived", "收到意见", "本年结束的公开征求意见收到的意见（含其他方式）", received, unit: "条"),
            f("commentsAdopted", "采纳意见", "其中采纳或者部分采纳的", adopted, unit: "条"),
            f("hearings", "听证会", "本年召开的听证会", steps(S.hearing).count, unit: "次"),
            f("expertReviews", "专家论证", "本年组织的专家论证", steps(S.expertReview).count, unit: "次"),
            f("riskAssessments", "风险评估", "本年完成的风险评估", steps(S.riskAssessment).count, unit: "次"),
            f("reviewsPassed", "合法性审查通过", "本年作出的审查通过意见（每稿一次）", steps(S.passReview).count, unit: "次"),
            f("reviewsFailed", "合法性审查不合法", "本年审查认为不合法的意见", steps(S.failReview).count, unit: "次"),
            f(
                "meetings", "集体讨论决定", "本年经常务会议或者全体会议讨论（通过、不予通过或者暂缓）",
                [S.decide, S.reject, S.deferDecision, S.rejectAdjustment].reduce(0) { $0 + steps($1).count }, unit: "次"),
            f("published", "公布", "本年公布的决策（含调整、停止执行的决定）", steps(S.publish).count + steps(S.publishStop).count),
            f("progressReports", "执行情况报告", "本年报告执行情况", steps(S.reportProgress).count, unit: "次"),
            f("evaluations", "决策后评估", "本年完成的决策后评估", steps(S.evaluate).count),
            f("adjustments", "启动调整或者停止", "本年启动调整或者停止执行程序", steps(S.startAdjustment).count),
            f("suspended", "中止执行", "本年行政首长决定中止执行", steps(S.suspend).count),
        ]
        let summary =
            "\(year)年度决策事项目录\(items.count)项；启动\(steps(S.start).count)件，公布\(steps(S.publish).count)件；公开征求意见\(closes.count)次，收到意见\(received)条、采纳\(adopted)条；决策后评估\(steps(S.evaluate).count)件"
        return (summary, out)
    }
}
