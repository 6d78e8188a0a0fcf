/// A lead's numbers when `phone_column` names several columns (`[Mobile Phone, Home Phone]`): each
/// number decided on its own, and the lead's outcome from theirs.
///
/// The lead is callable on its first `CLEAN` number in column order. A lead with none is rejected for
/// the number that came closest to being called: the reason latest in precedence (a number the windows
/// or a cap only defer beats one on a registry, since the lead may still be called on it later), then
/// the one callable again soonest, then column order. An empty column is no number: it counts only
/// when every column is empty (`MISSING_NUMBER`). A number that repeats an earlier column of the same
/// lead is that column's `DUPLICATE` when the earlier one reached duplicates, so the sequencer sees
/// each number of a lead once.
package struct LeadNumbers: Sendable {
    package struct Number: Sendable {
        /// The column's position among the phone columns.
        package var column: Int
        package var decision: Decision
        /// Whether it takes part in the duplicates rule (``PendingDecision/reachesDuplicates``).
        package var reachesDuplicates: Bool
    }

    /// The lead's numbers in column order, empty columns left out (all of them kept when all are empty).
    package private(set) var numbers: [Number]
    /// The phone columns' names, for the details that name a column.
    let names: [String]
    /// The index in ``numbers`` of the number the lead goes by, and the lead's decision: made once
    /// per change of a number (``settle()``), since the worker, the encoder and the counts all read them.
    package private(set) var chosen = 0
    package private(set) var decision = Decision()

    /// - Parameter pending: each phone column's decision by the order-independent rules, in column order.
    package init(_ pending: [PendingDecision], names: [String]) {
        self.names = names
        var numbers: [Number] = []
        for (column, decided) in pending.enumerated() where decided.decision.reason != .missingNumber {
            var number = Number(
                column: column, decision: decided.decision, reachesDuplicates: decided.reachesDuplicates)
            if let e164 = decided.decision.number?.e164,
                let earlier = numbers.first(where: { $0.decision.number?.e164 == e164 }), earlier.reachesDuplicates
            {
                number.decision.reject(Rejection(.duplicate, detail: "same number as \(names[earlier.column])"))
                number.reachesDuplicates = false
            }
            numbers.append(number)
        }
        if numbers.isEmpty {
            numbers = pending.enumerated().map {
                Number(column: $0.offset, decision: $0.element.decision, reachesDuplicates: false)
            }
        }
        self.numbers = numbers
        settle()
    }

    /// Makes number `index` the `DUPLICATE` of the row at `firstLine` (the sequencer found it earlier).
    package mutating func markDuplicate(_ index: Int, firstLine: Int) {
        numbers[index].decision = DuplicateRule.duplicate(numbers[index].decision, firstLine: firstLine)
        settle()
    }

    /// Whether some number takes part in the duplicates rule, so the lead's fate depends on earlier rows.
    package var reachesDuplicates: Bool { numbers.contains { $0.reachesDuplicates } }

    /// Chooses the number the lead goes by (its first callable one, else the closest) and makes the
    /// lead's decision: that number's, with its column named in the detail when it is rejected.
    private mutating func settle() {
        if let callable = numbers.firstIndex(where: { $0.decision.isClean }) {
            chosen = callable
        } else {
            chosen = 0
            for index in numbers.indices.dropFirst()
            where Self.closer(numbers[index].decision, than: numbers[chosen].decision) {
                chosen = index
            }
        }
        let number = numbers[chosen]
        decision = number.decision
        if case .reject(let reason, let detail) = decision.outcome {
            let allEmpty = reason == .missingNumber
            decision.outcome = .reject(
                reason,
                detail: allEmpty
                    ? "every phone column is empty (\(names.joined(separator: ", ")))"
                    : "\(names[number.column]): \(detail)")
        }
    }

    /// The name of the column the lead is called on; nil when it is not callable.
    package var callableColumn: String? {
        let number = numbers[chosen]
        return number.decision.isClean ? names[number.column] : nil
    }

    /// What happened to each number but `except` (an index in ``numbers``): `Home Phone: DNC_REGISTRY;
    /// Work Phone: CLEAN`, for `other_numbers` and `number_reasons`.
    package func outcomes(except: Int? = nil) -> String {
        numbers.indices.filter { $0 != except }.map { index in
            "\(names[numbers[index].column]): \(numbers[index].decision.reason?.rawValue ?? "CLEAN")"
        }.joined(separator: "; ")
    }

    /// Whether a rejected decision `a` came closer to a call than `b`.
    private static func closer(_ a: Decision, than b: Decision) -> Bool {
        guard let left = a.reason, let right = b.reason else { return a.isClean && !b.isClean }
        if left != right { return left > right }
        switch (a.nextCallableAt, b.nextCallableAt) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        default: return false
        }
    }
}
