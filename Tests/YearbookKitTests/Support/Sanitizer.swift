import Foundation

/// Whether this test run is built with AddressSanitizer (`make test-asan`). Timings taken
/// under it measure the sanitizer (its checks, its quarantine of freed memory), so tests
/// bound CPU time only without it.
let underAddressSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
