// The import pipeline (files -> importer -> extractors -> store), checks and exports.
#include "dossier/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "atomic_output.h"
#include "batch_size.h"
#include "clock.h"
#include "dossier/schema.h"
#include "dossier/text.h"
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

// Runs the extractors on each emitted document and writes it.
class PipelineSink final : public ImportSink {
 public:
  PipelineSink(Store& store, const Actor& actor, const std::string& importer, const std::string& path,
               std::vector<Extractor*> extractors, const ImportOptions& options, FileReport& report,
               WriteGrouping& grouping)
      : store_(store),
        actor_(actor),
        importer_(importer),
        path_(path),
        extractors_(std::move(extractors)),
        options_(options),
        report_(report),
        grouping_(grouping) {}

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
    }
    // Extractors may multiply what a document holds (a mention per word).
    if (Status st = CheckMemory(label, batch); !st.ok()) return st;
    if (options_.dry_run) {
      report_.documents.push_back(d.id.empty() ? label : d.id);
      ++report_.documents_new;
      report_.mentions += static_cast<int64_t>(batch.mentions.size());
      report_.claims += static_cast<int64_t>(batch.claims.size());
      return Status::OK();
    }
    auto written = store_.WriteDocument(batch, actor_);
    if (!written.ok()) {
      // A failed write ends its group: if SQLite rolled the group back with
      // it, that shows now, before anything else is written.
      if (Status st = grouping_.Commit(); !st.ok()) return st;
      if (Status st = grouping_.Open(); !st.ok()) return st;
      return Fail(label + ": " + written.status().message());
    }
    grouping_.Written();
    if (Status st = grouping_.CommitIfDue(); !st.ok()) return st;
    report_.documents.push_back(written->document);
    if (written->kind == WriteOutcome::Kind::kUnchanged) {
      ++report_.documents_unchanged;
    } else {
      ++report_.documents_new;
    }
    report_.entities_created += written->entities_created;
    report_.mentions += written->mentions;
    report_.claims += written->claims;
    return Status::OK();
  }

  void Warn(const std::string& message) override { report_.warnings.push_back(message); }

  Status EmitRecord(const Json& record) override {
    if (!record_error_.ok()) return record_error_;
    if (Status st = CheckRecordSize(record); !st.ok()) return record_error_ = st;
    if (report_.documents_new + report_.documents_unchanged > 0) {
      return record_error_ = Status::InvalidArgument("an importer may not mix documents and interchange records");
    }
    if (!records_) {
      if (options_.dry_run) {
        ++report_.records;
        return ValidateOnly(record);
      }
      auto begun = store_.BeginRecords(actor_);
      if (!begun.ok()) return record_error_ = begun.status();
      records_ = std::move(begun).value();
    }
    if (Status st = records_->Put(record); !st.ok()) return record_error_ = st;
    ++report_.records;
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
    records_.reset();
    return st;
  }

 private:
  Status Fail(const std::string& reason) {
    ++report_.documents_failed;
    report_.warnings.push_back(reason);
    return Status::InvalidArgument(reason);
  }

  static Status ValidateOnly(const Json& record) { return ValidateRecord(record); }

  Status CheckMemory(const std::string& label, const DocumentBatch& batch) {
    const int64_t bytes = BatchBytes(batch);
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

  Store& store_;
  const Actor& actor_;
  std::string importer_;
  std::string path_;
  std::vector<Extractor*> extractors_;
  const ImportOptions& options_;
  FileReport& report_;
  WriteGrouping& grouping_;
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

  // Documents commit in groups (write_grouping.h): 256 documents or a
  // quarter of a second, whichever comes first.
  WriteGrouping grouping(store_, !options.dry_run, 256, 0.25);
  // The store failed: keep what can be kept and say what was not.
  auto stop = [&](const Status& st) -> Status {
    (void)grouping.Commit();  // a failure is counted in lost_files()
    const int64_t lost = grouping.lost_files();
    if (lost == 0) return st;
    return st.WithContext("the last " + std::to_string(lost) + (lost == 1 ? " file" : " files") +
                          " imported before this were not kept (import them again)");
  };

  for (const auto& path : files) {
    if (Status st = grouping.Open(); !st.ok()) return stop(st);
    FileReport report;
    report.path = path;
    progress.current = path;
    auto finish = [&](FileReport::Outcome outcome, const std::string& reason = "") {
      grouping.FileDone();
      // A failed commit is kept by the grouping and stops the loop at its next Open.
      (void)grouping.CommitIfDue();
      report.outcome = outcome;
      if (!reason.empty()) report.reason = reason;
      summary.files.push_back(std::move(report));
      ++progress.files_done;
      progress.elapsed_seconds = elapsed();
      if (options.progress) options.progress(progress);
    };

    // Checked again at read time: the walk listed it, but it may have been
    // replaced since, and opening a FIFO would wait for a writer forever.
    struct stat st_now {};
    if (::stat(path.c_str(), &st_now) != 0) {
      finish(FileReport::Outcome::kFailed, std::string("cannot read: ") + std::strerror(errno));
      continue;
    }
    if (!S_ISREG(st_now.st_mode)) {
      finish(FileReport::Outcome::kFailed, "not a regular file");
      continue;
    }
    // One pass for the hash and the head.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      finish(FileReport::Outcome::kFailed, std::string("cannot read: ") + std::strerror(errno));
      continue;
    }
    Sha256 sha;
    std::string head;
    int64_t size = 0;
    std::vector<char> buf(1 << 16);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<size_t>(in.gcount());
      if (n == 0) break;
      if (head.size() < kHeadBytes) head.append(buf.data(), std::min(n, kHeadBytes - head.size()));
      sha.Update(std::string_view(buf.data(), n));
      size += static_cast<int64_t>(n);
    }
    if (in.bad()) {
      finish(FileReport::Outcome::kFailed, "read error");
      continue;
    }
    const std::string digest = sha.HexDigest();
    if (!options.force) {
      auto known = store_.FindSource(digest);
      if (!known.ok()) return stop(known.status());  // the store itself failed
      if (known->has_value()) {
        report.importer = (*known)->importer;
        report.documents = (*known)->documents;
        report.documents_unchanged = static_cast<int64_t>(report.documents.size());
        finish(FileReport::Outcome::kUnchanged);
        continue;
      }
    }

    Importer* importer = forced;
    if (!importer) {
      double best = 0;
      for (Importer* i : importers) {
        double score = 0;
        try {
          score = i->Sniff(head, path);
        } catch (const std::exception& e) {
          report.warnings.push_back("importer " + i->name() + " failed to sniff: " + What(e));
        }
        if (score > best) {
          best = score;
          importer = i;
        }
      }
      if (!importer) {
        finish(FileReport::Outcome::kFailed, size == 0 ? "empty file" : "no importer recognizes this file");
        continue;
      }
    }
    report.importer = importer->name();

    FileInput input(path, head, size, options.max_batch_bytes);
    PipelineSink sink(store_, actor_, importer->name(), path, extractors, options, report, grouping);
    Status st;
    try {
      st = importer->Import(input, sink);
    } catch (const std::exception& e) {
      st = Status::Internal("importer " + importer->name() + " threw: " + What(e));
    } catch (...) {
      st = Status::Internal("importer " + importer->name() + " threw an unknown exception");
    }
    Status records = sink.Finish(st.ok());
    if (st.ok() && !records.ok()) st = records;
    summary.documents += report.documents_new;
    progress.documents = summary.documents;

    const int64_t written = report.documents_new + report.documents_unchanged + report.records;
    if (!st.ok()) {
      finish(FileReport::Outcome::kFailed, st.message());
      continue;
    }
    if (written == 0) {
      const std::string why = report.documents_failed > 0 ? report.warnings.back() : "the importer found no documents in it";
      finish(FileReport::Outcome::kFailed, why);
      continue;
    }
    if (!options.dry_run) {
      SourceFile source{digest, path, importer->name(), size, NowIso(), report.documents};
      if (Status rs = store_.RecordSource(source); !rs.ok()) return stop(rs);
    }
    const bool unchanged = report.documents_new == 0 && report.records == 0 && report.documents_failed == 0;
    finish(unchanged ? FileReport::Outcome::kUnchanged : FileReport::Outcome::kImported);
  }
  if (Status st = grouping.Commit(); !st.ok()) return stop(st);
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

Result<std::vector<CheckReport>> Pipeline::Check(const std::vector<std::string>& names) {
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
  for (Checker* c : checkers) {
    CheckReport report;
    report.checker = c->name();
    auto writer = store_.BeginFindings(report.checker, actor_);
    if (!writer.ok()) return writer.status();
    WritingFindingSink sink(**writer);
    try {
      report.status = c->Check(store_, sink);
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

Status Pipeline::Export(const std::string& name, const Selection& selection, const std::string& output) {
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
  Selection resolved = selection;
  if (Status st = ResolveSelection(store_, &resolved); !st.ok()) return st;
  auto target = AtomicOutput::Create(target_path, exporter->writes_folder());
  if (!target.ok()) return target.status();
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
