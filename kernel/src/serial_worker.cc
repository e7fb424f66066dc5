#include "serial_worker.h"

#include <utility>

namespace dossier {

SerialWorker::SerialWorker(int64_t max_pending_bytes)
    : max_pending_bytes_(max_pending_bytes), thread_([this] { Loop(); }) {}

SerialWorker::~SerialWorker() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void SerialWorker::Post(std::function<void()> task, int64_t bytes) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return queue_.empty() || pending_bytes_ + bytes <= max_pending_bytes_; });
  queue_.push_back({std::move(task), bytes});
  pending_bytes_ += bytes;
  changed_.notify_all();
}

void SerialWorker::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
}

void SerialWorker::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  ++exclusive_waiting_;
  changed_.wait(lock, [&] { return !busy_; });
  --exclusive_waiting_;
  busy_ = true;
}

void SerialWorker::Release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    busy_ = false;
  }
  changed_.notify_all();
}

void SerialWorker::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    changed_.wait(lock, [&] {
      if (busy_) return false;
      return queue_.empty() ? stopping_ : exclusive_waiting_ == 0;  // Exclusive callers go first
    });
    if (queue_.empty()) return;  // stopping, and nothing left to run
    Item item = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    item.task();
    item.task = nullptr;  // what the task held is freed before the next one starts
    lock.lock();
    busy_ = false;
    pending_bytes_ -= item.bytes;
    changed_.notify_all();
  }
}

}  // namespace dossier
