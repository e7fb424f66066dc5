// What the benchmarks measure with: wall time, CPU time and peak memory of
// this process, latency percentiles, and a child process's time and peak
// memory. Header-only; each bench is one translation unit.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

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

// The median and 95th percentile of `reps` runs of op (given the run's number).
struct Timing {
  double median_ms = 0, p95_ms = 0;
};

inline Timing Time(int reps, const std::function<void(int)>& op) {
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    const auto t0 = Clock::now();
    op(i);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// A program run as a child process (argv[0] its path), its output to the file
// `out`: its exit status (-1 when it did not exit), wall time and peak memory
// (getrusage of the child, through wait4).
struct ChildRun {
  int status = -1;
  double seconds = 0;
  double peak_mib = 0;
};

inline ChildRun RunChild(std::vector<std::string> argv, const std::string& out) {
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    execv(raw[0], raw.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Seconds(t0), usage.ru_maxrss / 1024.0};
}

}  // namespace dossier::bench
