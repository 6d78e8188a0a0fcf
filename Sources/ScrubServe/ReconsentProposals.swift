import Foundation
import ScrubRecords
import Synchronization

/// Re-consents one compliance key has proposed and a second must approve before they reach the
/// journal (`optouts.reconsent.approvals: 2`): lifting an opt-out is the one request whose mistake
/// makes a listed number callable again, so it takes four eyes.
///
/// Proposals are held in memory only. One lapses after ``lifetime``, when the process stops, or when
/// ``capacity`` newer ones are waiting; a lapsed proposal lifts nothing (the safe side) and is
/// proposed again. Both steps are in the audit log, so the record of who asked survives either way.
final class ReconsentProposals: Sendable {
    /// One re-consent waiting for its approval.
    struct Proposal: Sendable {
        /// 128 random bits as hex: the approver names the proposal by it.
        var id: String
        /// The number as the proposer gave it, and the country it is read in.
        var number: String
        var country: String
        /// The event to append, `actor` being the proposer.
        var request: OptOutRequest
        var proposedAt: UTCTime
        var expiresAt: UTCTime

        /// The proposal as `GET /v1/optouts/reconsent/pending` and the proposing request show it.
        var object: [String: Any] {
            [
                "proposal_id": id, "number": number, "country": country, "channel": request.channel.rawValue,
                "reason": request.reason, "evidence": request.evidence, "proposed_by": request.actor,
                "proposed_at": proposedAt.description, "expires_at": expiresAt.description,
            ]
        }
    }

    /// How long a proposal waits for its approval: a working day and a night.
    static let lifetime: Int64 = 24 * 3600
    /// At most this many proposals wait at once; a new one beyond it drops the oldest.
    static let capacity = 10_000

    private let pending = Mutex<[String: Proposal]>([:])

    init() {}

    /// Stores a new proposal and returns it.
    func propose(number: String, country: String, request: OptOutRequest, now: UTCTime) -> Proposal {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let proposal = Proposal(
            id: id, number: number, country: country, request: request, proposedAt: now,
            expiresAt: UTCTime(seconds: now.seconds + Self.lifetime))
        pending.withLock { pending in
            Self.dropLapsed(&pending, now: now)
            if pending.count >= Self.capacity, let oldest = pending.values.min(by: Self.older) {
                pending[oldest.id] = nil
            }
            pending[id] = proposal
        }
        return proposal
    }

    /// Removes and returns the proposal `id` for `approver` to approve.
    ///
    /// - Throws: 404 when there is no such proposal waiting (never made, approved already or lapsed);
    ///   403 when `approver` proposed it. The proposal stays for another approver then.
    func take(_ id: String, approver: String, now: UTCTime) throws(ServeError) -> Proposal {
        try pending.withLock { pending throws(ServeError) in
            Self.dropLapsed(&pending, now: now)
            guard let proposal = pending[id] else {
                throw ServeError(
                    .notFound,
                    "no re-consent proposal \(id) is waiting: it was approved, it lapsed after "
                        + "\(Self.lifetime / 3600) hours or at a restart, or it never existed", field: "proposal_id")
            }
            guard proposal.request.actor != approver else {
                throw ServeError(
                    .forbidden, "\(approver) proposed this re-consent: a second compliance key must approve it")
            }
            pending[id] = nil
            return proposal
        }
    }

    /// Puts back a proposal whose approval could not be recorded, so it can be approved again.
    func restore(_ proposal: Proposal) {
        pending.withLock { $0[proposal.id] = proposal }
    }

    /// The proposals waiting at `now`, oldest first.
    func waiting(now: UTCTime) -> [Proposal] {
        pending.withLock { pending in
            Self.dropLapsed(&pending, now: now)
            return pending.values.sorted(by: Self.older)
        }
    }

    private static func dropLapsed(_ pending: inout [String: Proposal], now: UTCTime) {
        pending = pending.filter { $0.value.expiresAt > now }
    }

    /// Oldest first; the id breaks ties, so the order is stable.
    private static func older(_ first: Proposal, _ second: Proposal) -> Bool {
        (first.proposedAt.seconds, first.id) < (second.proposedAt.seconds, second.id)
    }
}
