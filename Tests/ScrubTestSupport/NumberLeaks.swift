/// Whether `text` shows any of `numbers` (ten-digit North American numbers) as a lead file or a log
/// would write it: all ten digits, or the last seven as `555-0142`, `555.0142` or `555 0142`.
///
/// Checks for whole numbers rather than a fragment such as `555`, which temporary folder names, set
/// ids and timings hold by chance.
package func showsNumber(_ text: String, of numbers: [String]) -> Bool {
    numbers.contains { number in
        let digits = number.filter(\.isNumber)
        let exchange = digits.dropFirst(digits.count - 7).prefix(3)
        let line = digits.suffix(4)
        return [digits, "\(exchange)-\(line)", "\(exchange).\(line)", "\(exchange) \(line)"].contains {
            text.contains($0)
        }
    }
}
