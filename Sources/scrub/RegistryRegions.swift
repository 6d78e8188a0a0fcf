import ArgumentParser
import PhoneNumbers
import ScrubIndex

/// Checks `--region` values before a build: each must be the ISO 3166 code under which the numbers it
/// names are filed, or the registry would silently cover nothing.
func validateRegistryRegions(_ regions: [String]) throws {
    let supported = Set(PhoneRegion.supported.map(\.code))
    for region in regions {
        let canonical = RegistryScope.canonical(region)
        if canonical != region.uppercased() {
            throw ValidationError("--region takes ISO 3166 codes: write \(canonical), not '\(region)'")
        }
        guard supported.contains(canonical) else {
            throw ValidationError("--region \(region): no phone numbers are filed under that region")
        }
    }
}
