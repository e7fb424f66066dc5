// Child processes the reliability tests start and stop themselves: a dossier
// command running in the background, to be killed or waited for, with its
// output kept in files (a pipe nobody reads would block it).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace dossier::testing {

struct Child {
  pid_t pid = -1;
  std::string out_path, err_path;  // its stdout and stderr
};

// Starts the dossier binary under test with `--db db` and args; output goes to
// files `<log_prefix>.out` and `<log_prefix>.err`.
Child StartDossier(const std::string& db, const std::vector<std::string>& args, const std::string& log_prefix);

// Waits for the child: its exit status, or -N when signal N ended it.
int Wait(const Child& child);

// Whether the child is still running; once it is not, *status (when given)
// receives what Wait would have returned (the child is reaped).
bool Running(const Child& child, int* status = nullptr);

// Sends SIGKILL and reaps the child; returns what Wait returns.
int Kill(const Child& child);

}  // namespace dossier::testing
