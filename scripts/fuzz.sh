#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 60) on a copy of the seed corpus
# in Fuzz/Corpus/. A crash leaves its input in .build/fuzz/crashes/ and fails the run;
# fix it, then add the input to the tests as a regression case.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
fuzzer_lib=$(ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)
if [ -z "$fuzzer_lib" ]; then
  fuzzer_lib=$(ls "$(dirname "$(readlink -f "$(command -v swift)")")"/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a | head -1)
fi
(cd Fuzz && swift build --product yearbook-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ 2>&1 | grep -v "Cannot export local symbol")
work=.build/fuzz
# Leaks inside libraries (listed there) are not Yearbook's to fix.
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-suppressions.txt:print_suppressions=0"
mkdir -p "$work/crashes"
total=0
failed=0
for target in ${FUZZ_TARGETS:-front-matter csv number chart-spec markdown workbook}; do
  rm -rf "$work/corpus/$target"
  mkdir -p "$work/corpus/$target"
  log="$work/$target.log"
  if Fuzz/.build/debug/yearbook-fuzz "$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$work/crashes/$target-" "$work/corpus/$target" "Fuzz/Corpus/$target" > "$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5
  fi
  runs=$(grep -oE "stat::number_of_executed_units: [0-9]+" "$log" | grep -oE "[0-9]+$" || echo 0)
  total=$((total + runs))
  echo "fuzz $target: $runs executions in ${seconds} s, $status"
done
echo "fuzz: $total executions in total"
exit $failed
