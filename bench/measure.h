// What the benchmarks measure with: wall time, CPU time and peak memory of
// this process. Header-only; each bench is one translation unit.
#pragma once

#include <sys/resource.h>

#include <chrono>

namespace dossier::bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU seconds this process used (user + system): on a machine shared with
// other work, a steadier figure than wall time.
inline double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The most memory this process has held so far, in MiB (ru_maxrss is KiB on Linux).
inline double PeakMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

}  // namespace dossier::bench
