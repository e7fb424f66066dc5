// The import pipeline (files -> importer -> extractors -> store), checks and exports.
// An import reads, parses and extracts on the calling thread and writes on a
// writer thread (serial_worker.h), one file behind.
#include "dossier/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "atomic_output.h"
#include "batch_size.h"
#include "clock.h"
#include "dossier/changes.h"
#include "dry_run.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "serial_worker.h"
#include "story_grouping.h"
#include "write_grouping.h"

namespace dossier {
namespace fs = std::filesystem;

namespace {

constexpr size_t kHeadBytes = 64 * 1024;

// A component may throw; whatever it throws becomes this line.
std::string What(const std::exception& e) { return e.what(); }

class FileInput final : public ImportInput {
 public:
  FileInput(std::string path, std::string head, int64_t size, int64_t max_batch_bytes)
      : path_(std::move(path)), head_(std::move(head)), size_(size), max_batch_bytes_(max_batch_bytes) {}

  const std::string& path() const override { return path_; }
  int64_t size() const override { return size_; }
  std::string_view head() const override { return head_; }

  std::istream& stream() override {
    stream_ = std::make_unique<std::ifstream>(path_, std::ios::binary);
    return *stream_;
  }

  int64_t max_batch_bytes() const override { return max_batch_bytes_; }

  Result<std::string> ReadAll(int64_t max_bytes) override {
    if (size_ > max_batch_bytes_ && max_batch_bytes_ < max_bytes) {
      return Status::InvalidArgument("file is " + std::to_string(size_) + " bytes, over the per-batch memory limit of " +
                                     std::to_string(max_batch_bytes_));
    }
    if (size_ > max_bytes) {
      return Status::InvalidArgument("file is " + std::to_string(size_) + " bytes, over the limit of " +
                                     std::to_string(max_bytes));
    }
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status::IOError("cannot read the file");
    std::string data;
    data.resize(static_cast<size_t>(size_));
    in.read(data.data(), size_);
    data.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return Status::IOError("read error");
    return data;
  }

 private:
  std::string path_;
  std::string head_;
  int64_t size_;
  int64_t max_batch_bytes_;
  std::unique_ptr<std::ifstream> stream_;
};

// What the import's writer thread owns: the store's writes, the write
// groups, and every file's report once the file's first write is queued.
// The calling thread reads these only after SerialWorker::Drain.
struct Writing {
  Writing(Store& s, const Actor& a, const ImportOptions& o, ImportSummary& sum)
      : store(s), actor(a), options(o), summary(sum), grouping(s, !o.dry_run, 256, 0.25) {}

  // The store failed: the import stops, keeping what was committed before.
  void Stop(const Status& st) {
    if (failed.load(std::memory_order_relaxed)) return;
    fatal = st;
    failed.store(true, std::memory_order_release);
  }

  Store& store;
  const Actor& actor;
  const ImportOptions& options;
  ImportSummary& summary;
  // Documents commit in groups (write_grouping.h): 256 documents or a
  // quarter of a second, whichever comes first.
  WriteGrouping grouping;
  Status fatal;
  std::atomic<bool> failed{false};
  std::atomic<int64_t> documents{0};  // written so far, for progress
};

// One file's tasks for the writer, held back until the next file has been
// looked up in the store: the lookup waits for the task running, so it goes
// while the writer is still on the file before. A file's tasks are posted
// early only when they hold more than the memory limit (a big CSV of cables).
// A task that throws (out of memory) stops the import instead of the program.
class Outbox {
 public:
  Outbox(Writing& w, SerialWorker& writer, int64_t max_bytes) : w_(w), writer_(writer), max_bytes_(max_bytes) {}
  void Add(std::function<void()> task, int64_t bytes = 0) {
    auto guarded = [&w = w_, task = std::move(task)] {
      try {
        task();
      } catch (const std::exception& e) {
        w.Stop(Status::Internal("writing the import failed: " + What(e)));
      } catch (...) {
        w.Stop(Status::Internal("writing the import failed: an unknown exception"));
      }
    };
    tasks_.push_back({std::move(guarded), bytes});
    bytes_ += bytes;
    if (bytes_ > max_bytes_) Flush();
  }
  void Flush() {
    for (auto& [task, bytes] : tasks_) writer_.Post(std::move(task), bytes);
    tasks_.clear();
    bytes_ = 0;
  }

 private:
  Writing& w_;
  SerialWorker& writer_;
  const int64_t max_bytes_;
  std::vector<std::pair<std::function<void()>, int64_t>> tasks_;
  int64_t bytes_ = 0;
};

// A file's report while the file is imported.
struct FileState : FileReport {
  std::string refusal;  // why its last refused document was refused
};

// Counts a document that could not be written in its file's report.
Status FailDocument(FileState& report, const std::string& reason) {
  ++report.documents_failed;
  report.warnings.push_back(reason);
  report.refusal = reason;
  return Status::InvalidArgument(reason);
}

// On the writer thread: writes one document the extractors have run on.
void WriteBatch(Writing& w, FileState& report, const DocumentBatch& batch, const std::string& label) {
  if (w.failed.load(std::memory_order_acquire)) return;
  const Document& d = batch.document;
  if (w.options.dry_run) {
    PlannedDocument plan = PlanDocument(w.store, batch, label);
    report.documents.push_back(plan.id);
    if (plan.state == PlannedDocument::State::kUnchanged) {
      ++report.documents_unchanged;
    } else {
      ++report.documents_new;
    }
    report.entities_created += static_cast<int64_t>(plan.new_entities.size());
    report.mentions += plan.mentions;
    report.claims += plan.claims;
    report.planned.push_back(std::move(plan));
    return;
  }
  auto written = w.store.WriteDocument(batch, w.actor);
  if (!written.ok()) {
    // A failed write ends its group: if SQLite rolled the group back with
    // it, that shows now, before anything else is written.
    if (Status st = w.grouping.Commit(); !st.ok()) return w.Stop(st);
    if (Status st = w.grouping.Open(); !st.ok()) return w.Stop(st);
    FailDocument(report, label + ": " + written.status().message());
    return;
  }
  w.grouping.Written();
  if (Status st = w.grouping.CommitIfDue(); !st.ok()) return w.Stop(st);
  report.documents.push_back(written->document);
  if (written->kind == WriteOutcome::Kind::kUnchanged) {
    ++report.documents_unchanged;
  } else {
    ++report.documents_new;
  }
  report.entities_created += written->entities_created;
  report.mentions += written->mentions;
  report.claims += written->claims;
}

// Runs the extractors on each emitted document, on the calling thread, and
// queues it for the writer. Emit's status says whether the document was
// accepted; a document the store then refuses is counted in the file's
// report (documents_failed and a warning), which decides the file's outcome
// as a refused Emit did.
class PipelineSink final : public ImportSink {
 public:
  PipelineSink(Writing& writing, SerialWorker& writer, Outbox& outbox, const std::string& importer, const std::string& path,
               std::vector<Extractor*> extractors, std::shared_ptr<FileState> report)
      : w_(writing),
        writer_(writer),
        outbox_(outbox),
        importer_(importer),
        path_(path),
        extractors_(std::move(extractors)),
        options_(writing.options),
        report_(std::move(report)) {}

  Status Emit(DocumentBatch batch) override {
    if (records_) return Fail("an importer may not mix documents and interchange records in one file");
    Document& d = batch.document;
    const std::string label = d.id.empty() ? (d.title.empty() ? std::string("a document") : "\"" + d.title + "\"") : d.id;
    if (static_cast<int64_t>(d.text.size()) > options_.max_document_bytes) {
      return Fail(label + " is " + std::to_string(d.text.size()) + " bytes, over the per-document limit of " +
                  std::to_string(options_.max_document_bytes));
    }
    if (Status st = CheckMemory(label, batch); !st.ok()) return st;
    if (d.source.empty()) d.source = path_;
    if (!d.properties.is_object()) d.properties = Json::object();
    d.properties["importer"] = importer_;
    for (auto& m : batch.mentions) {
      if (m.extractor.empty()) m.extractor = importer_;
    }
    for (auto& c : batch.claims) {
      if (c.extractor.empty()) c.extractor = importer_;
    }
    batch.max_bytes = options_.max_batch_bytes;  // extractors count what they build against it
    int64_t bytes = 0;
    for (Extractor* x : extractors_) {
      const size_t mentions_before = batch.mentions.size(), claims_before = batch.claims.size();
      std::string name;
      try {
        name = x->name();
        Status st = x->Extract(batch);
        if (!st.ok()) return Fail(label + ": extractor " + name + " failed: " + st.message());
      } catch (const std::exception& e) {
        return Fail(label + ": extractor " + name + " threw: " + What(e));
      } catch (...) {
        return Fail(label + ": extractor " + name + " threw an unknown exception");
      }
      for (size_t i = mentions_before; i < batch.mentions.size(); ++i) {
        if (batch.mentions[i].extractor.empty()) batch.mentions[i].extractor = name;
      }
      for (size_t i = claims_before; i < batch.claims.size(); ++i) {
        if (batch.claims[i].extractor.empty()) batch.claims[i].extractor = name;
      }
      // Extractors may multiply what a document holds (a mention per word):
      // checked after each, so the next does not start over the limit.
      bytes = BatchBytes(batch);
      if (Status st = CheckMemory(label, bytes); !st.ok()) return st;
    }
    if (extractors_.empty()) {
      bytes = BatchBytes(batch);
      if (Status st = CheckMemory(label, bytes); !st.ok()) return st;
    }
    ++emitted_;
    auto queued = std::make_shared<DocumentBatch>(std::move(batch));
    Writing& w = w_;
    outbox_.Add([&w, report = report_, queued, label] { WriteBatch(w, *report, *queued, label); }, bytes);
    return Status::OK();
  }

  void Warn(const std::string& message) override {
    outbox_.Add([report = report_, message] { report->warnings.push_back(message); });
  }

  Status EmitRecord(const Json& record) override {
    if (!record_error_.ok()) return record_error_;
    if (Status st = CheckRecordSize(record); !st.ok()) return record_error_ = st;
    if (emitted_ > 0) {
      return record_error_ = Status::InvalidArgument("an importer may not mix documents and interchange records");
    }
    if (!drained_) {
      // Records are written from this thread: the writer must be idle, with
      // every earlier file's documents written, so the order stays the files'.
      outbox_.Flush();
      writer_.Drain();
      drained_ = true;
    }
    if (w_.failed.load(std::memory_order_acquire)) return record_error_ = w_.fatal;
    if (!records_) {
      if (options_.dry_run) {
        ++report_->records;
        return ValidateOnly(record);
      }
      RecordOptions record_options;
      record_options.replace = options_.replace;
      auto begun = w_.store.BeginRecords(w_.actor, record_options);
      if (!begun.ok()) return record_error_ = begun.status();
      records_ = std::move(begun).value();
    }
    if (Status st = records_->Put(record); !st.ok()) return record_error_ = st;
    ++report_->records;
    return Status::OK();
  }

  // After the importer returns: commits interchange records, if any.
  Status Finish(bool importer_ok) {
    if (!records_) return record_error_;
    if (!importer_ok || !record_error_.ok()) {
      records_.reset();  // rolls back
      return record_error_;
    }
    Status st = records_->Commit();
    if (st.ok()) {
      report_->records = records_->count();
      report_->records_unchanged = records_->unchanged();
    }
    records_.reset();
    return st;
  }

 private:
  // A document refused before it reached the writer.
  Status Fail(const std::string& reason) {
    outbox_.Add([report = report_, reason] { FailDocument(*report, reason); });
    return Status::InvalidArgument(reason);
  }

  static Status ValidateOnly(const Json& record) { return ValidateRecord(record); }

  Status CheckMemory(const std::string& label, const DocumentBatch& batch) {
    return CheckMemory(label, BatchBytes(batch));
  }
  Status CheckMemory(const std::string& label, int64_t bytes) {
    if (bytes <= options_.max_batch_bytes) return Status::OK();
    return Fail(label + " holds about " + std::to_string(bytes) + " bytes with its facts, over the per-batch memory limit of " +
                std::to_string(options_.max_batch_bytes));
  }

  // The limits a document read by an importer meets, for documents in records.
  Status CheckRecordSize(const Json& record) const {
    const int64_t bytes = JsonBytes(record);
    const bool named = record.is_object() && record.contains("id") && record["id"].is_string();
    const std::string id = named ? record["id"].get<std::string>() : "a record";
    if (bytes > options_.max_batch_bytes) {
      return Status::InvalidArgument(id + " is about " + std::to_string(bytes) +
                                     " bytes, over the per-batch memory limit of " + std::to_string(options_.max_batch_bytes));
    }
    if (record.is_object() && record.contains("text") && record["text"].is_string()) {
      const auto size = static_cast<int64_t>(record["text"].get_ref<const std::string&>().size());
      if (size > options_.max_document_bytes) {
        return Status::InvalidArgument(id + " is " + std::to_string(size) + " bytes, over the per-document limit of " +
                                       std::to_string(options_.max_document_bytes));
      }
    }
    return Status::OK();
  }

  Writing& w_;
  SerialWorker& writer_;
  Outbox& outbox_;
  std::string importer_;
  std::string path_;
  std::vector<Extractor*> extractors_;
  const ImportOptions& options_;
  std::shared_ptr<FileState> report_;
  int64_t emitted_ = 0;   // documents accepted
  bool drained_ = false;  // the writer is idle for this file's records
  std::unique_ptr<RecordWriter> records_;
  Status record_error_;
};

// Files under each path, in a stable order; problems become failed reports.
void CollectFiles(const std::vector<std::string>& paths, std::vector<std::string>* files,
                  std::vector<FileReport>* failures) {
  std::set<std::string> seen;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    const std::string key = fs::weakly_canonical(p, ec).string();
    if (seen.insert(ec ? p.string() : key).second) files->push_back(p.string());
  };
  auto fail = [&](const std::string& path, const std::string& reason) {
    FileReport r;
    r.path = path;
    r.outcome = FileReport::Outcome::kFailed;
    r.reason = reason;
    failures->push_back(std::move(r));
  };
  for (const auto& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      fail(path, fs::is_symlink(fs::symlink_status(path, ec)) ? "a broken symbolic link" : "no such file or folder");
      continue;
    }
    if (fs::is_regular_file(st)) {
      add(path);
      continue;
    }
    if (!fs::is_directory(st)) {
      fail(path, "not a regular file or folder");
      continue;
    }
    // Directory symlinks are not followed: a link back up the tree would loop.
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      fail(path, "cannot read folder: " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        fail(it->path().string(), "cannot read: " + ec.message());
        ec.clear();
        continue;
      }
      std::error_code fec;
      const fs::file_status fst = it->status(fec);
      if (fs::is_regular_file(fst)) {
        found.push_back(it->path());
      } else if (it->is_symlink(fec) && fs::is_directory(fst)) {
        continue;  // not followed (see above)
      } else if (!fs::is_directory(fst)) {
        fail(it->path().string(), fs::exists(fst) ? "not a regular file" : "a broken symbolic link");
      }
    }
    std::sort(found.begin(), found.end());
    for (const auto& f : found) add(f);
  }
}

}  // namespace

Pipeline::Pipeline(Store& store, const PluginHost& host, Actor actor)
    : store_(store), host_(host), actor_(std::move(actor)) {}

Result<ImportSummary> Pipeline::Import(const std::vector<std::string>& paths, const ImportOptions& options) {
  // Said once for the import, not once for every file that could not be written.
  if (store_.ReadOnly() && !options.dry_run) return Status::IOError("the store is read-only to you: nothing can be imported");
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };

  Importer* forced = nullptr;
  if (!options.as.empty()) {
    forced = host_.FindImporter(options.as);
    if (!forced) {
      std::string names;
      for (Importer* i : host_.importers()) names += (names.empty() ? "" : ", ") + i->name();
      return Status::InvalidArgument("no importer named " + options.as + " (loaded: " +
                                     (names.empty() ? "none" : names) + ")");
    }
  }
  std::vector<Extractor*> extractors;
  if (!options.no_extract) {
    if (options.extractors.empty()) {
      extractors = host_.extractors();
    } else {
      for (const auto& name : options.extractors) {
        Extractor* x = host_.FindExtractor(name);
        if (!x) return Status::InvalidArgument("no extractor named " + name);
        extractors.push_back(x);
      }
    }
  }
  const auto importers = host_.importers();
  if (importers.empty()) return Status::InvalidArgument("no importers are loaded (see dossier plugins)");

  ImportSummary summary;
  std::vector<std::string> files;
  CollectFiles(paths, &files, &summary.files);
  ImportProgress progress;
  progress.files_total = files.size() + summary.files.size();
  progress.files_done = summary.files.size();
  if (options.progress) options.progress(progress);

  // This thread reads, parses and extracts; the writer thread writes, one
  // file behind. Declared after what their tasks use, so the writer finishes
  // its tasks before any of it goes.
  Writing w(store_, actor_, options, summary);
  SerialWorker writer(options.max_batch_bytes);
  Outbox outbox(w, writer, options.max_batch_bytes);
  // Digests of files whose tasks are queued and may not have run: a second
  // copy of one waits for the first to be recorded before it is looked up.
  std::set<std::string> queued;
  auto drain = [&] {
    outbox.Flush();
    writer.Drain();
    queued.clear();
  };
  // The store failed: keep what can be kept and say what was not.
  auto stop = [&](const Status& st) -> Status {
    drain();
    (void)w.grouping.Commit();  // a failure is counted in lost_files()
    const int64_t lost = w.grouping.lost_files();
    if (lost == 0) return st;
    return st.WithContext("the last " + std::to_string(lost) + (lost == 1 ? " file" : " files") +
                          " imported before this were not kept (import them again)");
  };
  // Ends a file on the writer thread, after its documents; `decide` runs
  // there, on the file's report, and returns the outcome and reason.
  using Decision = std::pair<FileReport::Outcome, std::string>;
  auto finish = [&](std::shared_ptr<FileState> report, std::function<Decision(FileState&)> decide) {
    outbox.Add([&w, report, decide = std::move(decide)] {
      if (w.failed.load(std::memory_order_acquire)) return;
      auto [outcome, reason] = decide(*report);
      if (w.failed.load(std::memory_order_acquire)) return;
      w.grouping.FileDone();
      // A failed commit is kept by the grouping and stops the import at its next Open.
      (void)w.grouping.CommitIfDue();
      report->outcome = outcome;
      if (!reason.empty()) report->reason = reason;
      w.summary.files.push_back(std::move(static_cast<FileReport&>(*report)));
      w.documents.store(w.summary.documents, std::memory_order_relaxed);
    });
    ++progress.files_done;
    progress.documents = w.documents.load(std::memory_order_relaxed);
    progress.elapsed_seconds = elapsed();
    if (options.progress) options.progress(progress);
  };
  auto fail = [&](std::shared_ptr<FileState> report, std::string reason) {
    finish(std::move(report),
           [reason = std::move(reason)](FileState&) { return Decision{FileReport::Outcome::kFailed, reason}; });
  };

  for (const auto& path : files) {
    if (w.failed.load(std::memory_order_acquire)) return stop(w.fatal);
    auto report = std::make_shared<FileState>();
    report->path = path;
    progress.current = path;

    // Reading and looking up the file queues nothing, so that the previous
    // file's tasks (still in the outbox) reach the writer only after the lookup.
    std::string failure;
    std::string head;
    int64_t size = 0;
    std::string digest;
    std::optional<SourceFile> known;
    // Checked again at read time: the walk listed it, but it may have been
    // replaced since, and opening a FIFO would wait for a writer forever.
    struct stat st_now {};
    std::ifstream in;
    if (::stat(path.c_str(), &st_now) != 0) {
      failure = std::string("cannot read: ") + std::strerror(errno);
    } else if (!S_ISREG(st_now.st_mode)) {
      failure = "not a regular file";
    } else if (in.open(path, std::ios::binary); !in) {
      failure = std::string("cannot read: ") + std::strerror(errno);
    } else {
      // One pass for the hash and the head.
      Sha256 sha;
      std::vector<char> buf(1 << 16);
      while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<size_t>(in.gcount());
        if (n == 0) break;
        if (head.size() < kHeadBytes) head.append(buf.data(), std::min(n, kHeadBytes - head.size()));
        sha.Update(std::string_view(buf.data(), n));
        size += static_cast<int64_t>(n);
      }
      if (in.bad()) failure = "read error";
      digest = sha.HexDigest();
    }
    in.close();
    if (failure.empty() && !options.force) {
      if (queued.count(digest)) drain();
      // Between two tasks: the lookup sees every earlier file's documents
      // that are written, and `queued` holds those that may not be.
      auto found = writer.Exclusive([&] { return store_.FindSource(digest); });
      if (!found.ok()) return stop(found.status());  // the store itself failed
      known = std::move(found).value();
    }
    outbox.Flush();
    outbox.Add([&w] {
      if (Status st = w.grouping.Open(); !st.ok()) w.Stop(st);
    });
    if (!failure.empty()) {
      fail(report, failure);
      continue;
    }
    if (known) {
      report->importer = known->importer;
      report->documents = known->documents;
      report->documents_unchanged = static_cast<int64_t>(report->documents.size());
      finish(report, [](FileState&) { return Decision{FileReport::Outcome::kUnchanged, ""}; });
      continue;
    }

    Importer* importer = forced;
    if (!importer) {
      double best = 0;
      for (Importer* i : importers) {
        double score = 0;
        try {
          score = i->Sniff(head, path);
        } catch (const std::exception& e) {
          report->warnings.push_back("importer " + i->name() + " failed to sniff: " + What(e));
        }
        if (score > best) {
          best = score;
          importer = i;
        }
      }
      if (!importer) {
        fail(report, size == 0 ? "empty file" : "no importer recognizes this file");
        continue;
      }
    }
    report->importer = importer->name();

    FileInput input(path, head, size, options.max_batch_bytes);
    Status st;
    Status records;
    {
      PipelineSink sink(w, writer, outbox, importer->name(), path, extractors, report);
      try {
        st = importer->Import(input, sink);
      } catch (const std::exception& e) {
        st = Status::Internal("importer " + importer->name() + " threw: " + What(e));
      } catch (...) {
        st = Status::Internal("importer " + importer->name() + " threw an unknown exception");
      }
      records = sink.Finish(st.ok());
    }
    if (st.ok() && !records.ok()) st = records;
    queued.insert(digest);
    finish(report, [&w, &options, st, digest, path, size](FileState& r) -> Decision {
      w.summary.documents += r.documents_new;
      const int64_t written = r.documents_new + r.documents_unchanged + r.records + r.records_unchanged;
      if (!st.ok()) return {FileReport::Outcome::kFailed, st.message()};
      if (written == 0) {
        return {FileReport::Outcome::kFailed,
                r.documents_failed > 0 ? r.refusal : "the importer found no documents in it"};
      }
      if (!options.dry_run) {
        SourceFile source{digest, path, r.importer, size, NowIso(), r.documents};
        if (Status rs = w.store.RecordSource(source); !rs.ok()) w.Stop(rs);
      }
      const bool unchanged = r.documents_new == 0 && r.records == 0 && r.documents_failed == 0;
      return {unchanged ? FileReport::Outcome::kUnchanged : FileReport::Outcome::kImported, ""};
    });
  }
  drain();
  if (w.failed.load(std::memory_order_acquire)) return stop(w.fatal);
  if (Status st = w.grouping.Commit(); !st.ok()) return stop(st);
  for (const auto& f : summary.files) {
    switch (f.outcome) {
      case FileReport::Outcome::kImported: ++summary.imported; break;
      case FileReport::Outcome::kUnchanged: ++summary.unchanged; break;
      case FileReport::Outcome::kFailed: ++summary.failed; break;
    }
  }
  summary.elapsed_seconds = elapsed();
  return summary;
}

namespace {

// Hands each finding to the store's writer as it is reported, so the
// checker's evidence trees are freed as they go.
class WritingFindingSink final : public FindingSink {
 public:
  explicit WritingFindingSink(FindingWriter& writer) : writer_(writer) {}
  void Report(Finding finding) override {
    ++count;
    if (status.ok()) status = writer_.Put(finding);
  }
  int64_t count = 0;
  Status status;  // the first Put that failed

 private:
  FindingWriter& writer_;
};

}  // namespace

CheckReport Pipeline::GroupStories() {
  CheckReport report;
  report.checker = "stories";
  auto grouped = dossier::GroupStories(store_, actor_);
  if (grouped.ok()) {
    report.findings = grouped->stories;
  } else {
    report.status = grouped.status().WithContext("grouping stories");
  }
  return report;
}

Result<std::vector<CheckReport>> Pipeline::Check(const std::vector<std::string>& names,
                                                 const std::function<void(const StepProgress&)>& progress) {
  std::vector<Checker*> checkers;
  if (names.empty()) {
    checkers = host_.checkers();
  } else {
    for (const auto& n : names) {
      Checker* c = host_.FindChecker(n);
      if (!c) return Status::InvalidArgument("no checker named " + n);
      checkers.push_back(c);
    }
  }
  std::vector<CheckReport> out;
  const auto began = std::chrono::steady_clock::now();
  int64_t done = 0, steps = static_cast<int64_t>(checkers.size());
  auto starting = [&](const std::string& step) {
    if (progress) {
      progress({"steps", step, done++, steps, std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count()});
    }
  };
  // Stories first: the checkers compare what the documents of a story say.
  if (auto last = LastChange(store_); !last.ok()) {
    return last.status();
  } else if (last->action != "group" && !checkers.empty()) {
    ++steps;
    starting("stories (grouping the documents)");
    out.push_back(GroupStories());
  }
  for (Checker* c : checkers) {
    CheckReport report;
    report.checker = c->name();
    starting(report.checker);
    auto writer = store_.BeginFindings(report.checker, actor_);
    if (!writer.ok()) return writer.status();
    WritingFindingSink sink(**writer);
    try {
      // The checker reads one snapshot; its findings are written after it ends.
      auto snapshot = store_.BeginSnapshot();
      report.status = snapshot.ok() ? c->Check(store_, sink) : snapshot.status();
    } catch (const std::exception& e) {
      report.status = Status::Internal("checker " + report.checker + " threw: " + What(e));
    } catch (...) {
      report.status = Status::Internal("checker " + report.checker + " threw an unknown exception");
    }
    if (report.status.ok()) report.status = sink.status;
    if (report.status.ok()) {
      report.status = (*writer)->Commit();
      report.findings = sink.count;
    } else if (report.status.message().find(report.checker) == std::string::npos) {
      report.status = report.status.WithContext("checker " + report.checker);
    }
    out.push_back(std::move(report));
  }
  return out;
}

Status Pipeline::Export(const std::string& name, const Selection& selection, const std::string& output,
                        const ExportOptions& options) {
  Exporter* exporter = host_.FindExporter(name);
  if (!exporter) {
    std::string names;
    for (Exporter* e : host_.exporters()) names += (names.empty() ? "" : ", ") + e->name();
    return Status::InvalidArgument("no exporter named " + name + " (loaded: " + (names.empty() ? "none" : names) + ")");
  }
  const std::string target_path = output.empty() ? exporter->default_output() : output;
  if (exporter->writes_folder() && target_path == "-") {
    return Status::InvalidArgument("exporter " + name + " writes a folder; give -o FOLDER");
  }
  OutputRules rules;
  rules.format = name;
  rules.protected_files = store_.Files();
  rules.owns = [exporter](std::string_view head) {
    try {
      return exporter->OwnsOutput(head);
    } catch (...) {
      return false;  // a plugin that cannot tell does not get to replace the file
    }
  };
  rules.force = options.force;
  auto target = AtomicOutput::Create(target_path, exporter->writes_folder(), rules);
  if (!target.ok()) return target.status();
  if (options.progress) {
    const auto began = std::chrono::steady_clock::now();
    const std::string unit = exporter->writes_folder() ? "files" : "records";
    (*target)->OnProgress([&options, began, unit](int64_t done, int64_t total) {
      options.progress({unit, "", done, total, std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count()});
    });
  }
  auto snapshot = store_.BeginSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  Selection resolved = selection;
  if (Status st = ResolveSelection(store_, &resolved); !st.ok()) return st;
  Status st;
  try {
    st = exporter->Export(store_, resolved, **target);
  } catch (const std::exception& e) {
    st = Status::Internal("exporter " + name + " threw: " + What(e));
  } catch (...) {
    st = Status::Internal("exporter " + name + " threw an unknown exception");
  }
  if (!st.ok()) {
    (*target)->Abandon();
    return st;
  }
  return (*target)->Commit();
}

}  // namespace dossier
