// One background thread that runs tasks in the order they are posted: the
// import's writer, so the store writes one file's documents while the calling
// thread reads, parses and extracts the next. Everything a task touches is
// either its own or guarded by the worker: the caller may touch shared state
// only inside Exclusive(), or after Drain().
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace dossier {

class SerialWorker {
 public:
  // Posting blocks while the tasks waiting hold more than max_pending_bytes
  // between them (each task says what it holds), so a slow writer bounds the
  // memory a fast reader can queue up; one task is always let in.
  explicit SerialWorker(int64_t max_pending_bytes);
  // Runs the tasks still queued, then stops the thread.
  ~SerialWorker();
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  // Queues task to run after every task posted before it. A task must not
  // throw (the worker has no one to hand an exception to) or post.
  void Post(std::function<void()> task, int64_t bytes = 0);
  // Returns once every task posted so far has run.
  void Drain();
  // Runs f on the calling thread between two tasks, with no task running:
  // it waits for the task running now, not for the queue.
  template <class F>
  auto Exclusive(F&& f) {
    Acquire();
    struct Release {
      SerialWorker* w;
      ~Release() { w->Release(); }
    } release{this};
    return f();
  }

 private:
  void Loop();
  void Acquire();
  void Release();

  struct Item {
    std::function<void()> task;
    int64_t bytes;
  };
  const int64_t max_pending_bytes_;
  std::mutex mu_;  // guards the queue and the counters
  std::condition_variable changed_;
  std::deque<Item> queue_;
  int64_t pending_bytes_ = 0;
  bool busy_ = false;          // a task or an Exclusive call is running
  int exclusive_waiting_ = 0;  // Exclusive calls waiting go before the next task
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace dossier
