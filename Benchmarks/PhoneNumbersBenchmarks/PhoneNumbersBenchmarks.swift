import Benchmark
import PhoneNumbers

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .cpuTotal, .mallocCountTotal],
        maxDuration: .seconds(3)
    )
    let inputs = MessyPhoneMix.make(count: 100_000)
    let normalizers = MessyPhoneMix.regions.map { PhoneNormalizer(defaultRegion: PhoneRegion($0)) }
    _ = normalizers[0].normalize("+14155550123")  // decode the metadata outside the measurement

    // One scaled iteration normalises one input; throughput is numbers per second.
    Benchmark("normalize messy mix", configuration: .init(scalingFactor: .mega)) { benchmark in
        var accepted = 0
        var index = 0
        for _ in benchmark.scaledIterations {
            let input = inputs[index]
            let result = input.bytes.withUnsafeBytes { normalizers[input.region].normalize($0) }
            if result.number != nil { accepted &+= 1 }
            index += 1
            if index == inputs.count { index = 0 }
        }
        blackHole(accepted)
    }
}
