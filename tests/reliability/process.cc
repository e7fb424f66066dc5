// Starting, killing and reaping dossier processes; see process.h.
#include "reliability/process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

#include "support/test_support.h"

namespace dossier::testing {

Child StartDossier(const std::string& db, const std::vector<std::string>& args, const std::string& log_prefix) {
  Child c;
  c.out_path = log_prefix + ".out";
  c.err_path = log_prefix + ".err";
  std::vector<std::string> argv = {DossierBinary(), "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  // Opened before fork: the child only dup2()s and execs.
  const int out = open(c.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = open(c.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0 || err < 0) throw std::runtime_error("cannot create " + log_prefix + ".out/.err");
  c.pid = fork();
  if (c.pid < 0) throw std::runtime_error("fork failed");
  if (c.pid == 0) {
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    const int null_in = open("/dev/null", O_RDONLY);
    if (null_in >= 0) dup2(null_in, STDIN_FILENO);
    execv(raw[0], raw.data());
    _exit(127);
  }
  close(out);
  close(err);
  return c;
}

int Wait(const Child& child) {
  int status = 0;
  if (waitpid(child.pid, &status, 0) != child.pid) return -1000;
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WEXITSTATUS(status);
}

bool Running(const Child& child, int* status) {
  int raw = 0;
  const pid_t r = waitpid(child.pid, &raw, WNOHANG);
  if (r == 0) return true;
  if (status) *status = r != child.pid ? -1000 : WIFSIGNALED(raw) ? -WTERMSIG(raw) : WEXITSTATUS(raw);
  return false;
}

int Kill(const Child& child) {
  kill(child.pid, SIGKILL);
  return Wait(child);
}

}  // namespace dossier::testing
