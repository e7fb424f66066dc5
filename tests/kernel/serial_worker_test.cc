// The import's writer thread: order, exclusion, the memory bound, shutdown.
#include "serial_worker.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

using dossier::SerialWorker;
using namespace std::chrono_literals;

TEST_CASE("tasks run in the order posted, on another thread, and Drain waits for them", "[serial_worker]") {
  SerialWorker worker(1 << 20);
  std::vector<int> seen;
  std::atomic<int> off_caller{0};
  const auto caller = std::this_thread::get_id();
  for (int i = 0; i < 1000; ++i) {
    worker.Post([&, i] {
      seen.push_back(i);
      off_caller += std::this_thread::get_id() != caller;
    });
  }
  worker.Drain();
  REQUIRE(seen.size() == 1000);
  for (int i = 0; i < 1000; ++i) CHECK(seen[static_cast<size_t>(i)] == i);
  CHECK(off_caller == 1000);
}

TEST_CASE("Exclusive runs between tasks, never during one", "[serial_worker]") {
  SerialWorker worker(1 << 20);
  std::atomic<bool> in_task{false};
  std::atomic<int> overlaps{0}, ran{0};
  for (int i = 0; i < 200; ++i) {
    worker.Post([&] {
      in_task = true;
      std::this_thread::sleep_for(100us);
      in_task = false;
      ++ran;
    });
  }
  int calls = 0;
  while (ran < 200) {
    worker.Exclusive([&] {
      overlaps += in_task.load();
      ++calls;
      return 0;
    });
  }
  worker.Drain();
  CHECK(calls > 0);
  CHECK(overlaps == 0);
  // And it returns what its function returns.
  CHECK(worker.Exclusive([] { return 42; }) == 42);
}

TEST_CASE("Post waits while the queued tasks hold more than the limit", "[serial_worker]") {
  SerialWorker worker(100);
  std::promise<void> gate;
  auto opened = gate.get_future().share();
  worker.Post([opened] { opened.wait(); }, 60);  // running, and still counted
  worker.Post([] {}, 30);                          // 90: let in
  auto third = std::async(std::launch::async, [&] { worker.Post([] {}, 30); });  // 120: waits
  CHECK(third.wait_for(50ms) == std::future_status::timeout);
  gate.set_value();
  CHECK(third.wait_for(10s) == std::future_status::ready);
  worker.Drain();
  // A task bigger than the limit alone is still let in.
  std::atomic<bool> big{false};
  worker.Post([&] { big = true; }, 1000);
  worker.Drain();
  CHECK(big);
}

TEST_CASE("a worker runs the tasks still queued before it stops", "[serial_worker]") {
  std::atomic<int> ran{0};
  {
    SerialWorker worker(1 << 20);
    for (int i = 0; i < 50; ++i) {
      worker.Post([&] {
        std::this_thread::sleep_for(100us);
        ++ran;
      });
    }
  }
  CHECK(ran == 50);
}
