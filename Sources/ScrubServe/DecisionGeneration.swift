import CallingWindows
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules

/// Everything a check consults, opened together from the pipeline's files: one plan per call channel,
/// the opt-out index with the journal's later events over it, and the deciders made from them.
///
/// A reload builds a new generation and swaps it in whole (``CurrentGeneration``); a request holds
/// the generation it started with until it answers, so its lists stay mapped however many reloads
/// happen meanwhile, and it never sees one list from the old files and another from the new.
///
/// `@unchecked`: a plan is not `Sendable` (its stages keep caches), but the generation only reads its
/// plans' settings (journal, audit log, default country, place values) after resolving them; the
/// deciders, whose caches change, are lent to one request at a time by ``DeciderPool``.
final class DecisionGeneration: @unchecked Sendable {
    /// 1 for the generation the server started with, one more for each successful reload.
    let number: Int
    /// The pipeline resolved for each channel (`campaign.channel` narrowed to that channel's rules).
    let plans: [CallChannel: PipelinePlan]
    /// The channel of a check that names none: the pipeline's own (`campaign.channel`, default voice).
    let defaultChannel: CallChannel
    /// The opt-out index with the journal's later events over it; nil without `optouts` in the pipeline.
    let optOuts: LiveOptOutList?
    /// Where opt-outs are recorded: the pipeline's journal (signed with the server's key, if it has one).
    let journal: (any OptOutStore)?
    /// The pipeline's audit log (signed with the server's key, if it has one).
    let auditLog: AuditLog
    let pool: DeciderPool

    /// The plan of the pipeline's own channel (its journal, audit log and default country).
    var plan: PipelinePlan { plans[defaultChannel]! }

    /// Resolves the pipeline once per channel, with the same lists for each.
    ///
    /// - Throws: `PipelineError` as `scrub check --channel` would for the same pipeline.
    static func resolve(
        _ configuration: ServeConfiguration
    ) throws -> (plans: [CallChannel: PipelinePlan], own: CallChannel) {
        let definition = try PipelineDefinition.load(path: configuration.pipeline)
        var overrides = PipelineDefinition()
        if configuration.allowStale { overrides.allowStale = .init(value: true, location: "--allow-stale") }
        let own = try PipelinePlan.resolve(
            definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage()))
        var plans: [CallChannel: PipelinePlan] = [own.channel: own]
        for channel in CallChannel.allCases where channel != own.channel {
            overrides.channel = .init(value: channel.rawValue, location: "the request's channel")
            plans[channel] = try PipelinePlan.resolve(
                definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage()))
        }
        return (plans, own.channel)
    }

    /// Lays the journal over the plans' opt-out index (reading the whole journal) and makes the deciders.
    ///
    /// - Throws: `RecordError` when the journal cannot be read.
    init(
        number: Int, plans resolved: [CallChannel: PipelinePlan], own: CallChannel, configuration: ServeConfiguration
    ) throws {
        var plans = resolved
        let plan = plans[own]!
        if let check = plan.journal, let base = plan.suppressionLists.last, base.info.name == check.listName {
            let opened = OptOutJournal(path: check.journal, signer: configuration.signer)
            let live = try LiveOptOutList(
                base: base, journal: opened, compiledEvents: check.freshness.compiledEvents,
                scope: configuration.optOutScope)
            for channel in CallChannel.allCases {
                guard var channelPlan = plans[channel] else { continue }
                channelPlan.suppressionLists[channelPlan.suppressionLists.count - 1] = live
                plans[channel] = channelPlan
            }
            optOuts = live
            journal = opened
        } else {
            optOuts = nil
            journal = nil
        }
        auditLog = AuditLog(path: plan.auditLog, signer: configuration.signer)
        self.number = number
        self.plans = plans
        defaultChannel = own
        let normalizer = plans[own]!.normalizer
        pool = DeciderPool(
            slots: (0..<max(1, configuration.deciders)).map { _ in
                DeciderPool.Slot(plans: plans, normalizer: normalizer)
            })
    }
}
