import Foundation

extension InspectionProcedure {
    /// 双随机 in a 行政检查 (优化营商环境条例 第五十四条): the draw assigns the target and its inspectors (a system step, never
    /// typed), only the inspectors drawn record the inspection, and its result is published within the set period
    /// (`randomResultPublicationWorkdays`, 20 working days; 企业信息公示暂行条例 第六条).
    static func randomSteps(_ base: [ActionDefinition], _ s: ProcedureSettings) -> [ActionDefinition] {
        typealias F = EnforcementFact
        let assigned: @Sendable (StepContext) -> Bool = { c in !c.file.facts.list(F.assignedInspectors.id).isEmpty }
        let record = base.map { a -> ActionDefinition in
            guard a.id == Step.recordInspection else { return a }
            // The form ticks the drawn inspectors (the gate below refuses anyone else).
            var drawnFirst = a
            drawnFirst.officers?.preselectedFrom = F.assignedInspectors.id
            return drawnFirst.gate("优化营商环境条例 第五十四条", "双随机抽查应由随机选派的检查人员实施：本案检查人员须为抽取结果中的人员", field: "officers") { c in
                let drawn = Set(c.file.facts.list(F.assignedInspectors.id))
                return drawn.isEmpty || c.officers.allSatisfy { drawn.contains($0.certificateNumber) }
            }
            // Judged with the officers named on the form (the page shows the step open to the drawn inspectors).
            .gate("优化营商环境条例 第五十四条", "双随机抽查的检查记录由随机选派的检查人员本人登记", field: "officers") { c in
                !assigned(c) || c.officers.contains { $0.id == c.actor.officerID }
            }
            .gate("优化营商环境条例 第五十四条", "检查对象为抽取结果中的对象，不能更换", field: "inspectedObject") { c in
                !assigned(c) || c.inputs[F.inspectedObject] == c.file.facts[F.inspectedObject]
            }
            .gate("优化营商环境条例 第五十四条", "随机抽取的检查对象，检查来源应为双随机抽查", field: "inspectionSource") { c in
                !assigned(c) || c.inputs[F.inspectionSource] == "random"
            }
            .then(
                .startDeadline(
                    DeadlineRule(
                        "randomPublication", "公示抽查结果", days: s.randomResultPublicationWorkdays, .workday,
                        article: "优化营商环境条例 第五十四条；企业信息公示暂行条例 第六条、第七条（本地设置）"),
                    onlyIf: assigned))
        }
        return record + [
            ActionDefinition(
                Step.assignRandom, "双随机分派（抽取结果）", from: [State.open.id], to: nil, by: [.head, .officer],
                basis: "优化营商环境条例 第五十四条"
            )
            .asks(
                InputField("drawTask", "双随机抽查任务", systemOnly: true),
                InputField("objectCode", "检查对象统一社会信用代码", systemOnly: true),
                InputField("inspectedObject", "检查对象", systemOnly: true),
                InputField("assignedInspectors", "随机选派的检查人员（执法证号）", .list, systemOnly: true),
                InputField("jointTask", "部门联合抽查任务", required: false, systemOnly: true)
            )
            .gate("优化营商环境条例 第五十四条", "双随机分派由抽取结果自动办理，不能手工办理") { c in c.actor.isSystem }
            .gate("优化营商环境条例 第五十四条", "本案已由抽取结果分派") { c in !assigned(c) },
            ActionDefinition(
                Step.publishRandomResult, "公示抽查结果", from: [State.inspected.id, State.referred.id, State.closed.id],
                to: nil, by: [.head, .officer], basis: "优化营商环境条例 第五十四条"
            )
            .asks(.init("publicationChannel", "公示途径（国家企业信用信息公示系统、门户网站等）"))
            .gate("优化营商环境条例 第五十四条", "本案不是双随机抽查，或者结果已经公示") { c in
                assigned(c) && c.file.facts[F.resultPublishedOn] == nil
            }
            .then(
                .compute(writes: F.resultPublishedOn, F.resultPublishedLate) { c in
                    let due = c.file.deadline("randomPublication")?.deadline.due
                    return Facts([
                        F.resultPublishedOn ~ c.date, F.resultPublishedLate ~ (due.map { c.date > $0 } ?? false),
                    ])
                },
                .stopDeadline("randomPublication")),
        ]
    }
}
