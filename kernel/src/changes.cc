// Reading the audit log backwards for the last change and the last check.
#include "dossier/changes.h"

#include <cctype>
#include <functional>

namespace dossier {
namespace {

// The newest audit entry for which `match` holds (seq 0 when none), scanning
// backwards in growing pages so the common case reads a handful of rows.
Result<AuditEntry> Newest(StoreView& store, const std::function<bool(const AuditEntry&)>& match) {
  for (int64_t limit = 64;; limit *= 8) {
    auto entries = store.ListAudit(limit);
    if (!entries.ok()) return entries.status();
    for (auto it = entries->rbegin(); it != entries->rend(); ++it) {
      if (match(*it)) return *it;
    }
    if (static_cast<int64_t>(entries->size()) < limit) return AuditEntry{};
  }
}

bool IsChange(const AuditEntry& e) { return e.action != "check" && e.action != "finding"; }

std::string Strip(std::string t) {
  if (!t.empty() && (t.back() == 'Z' || t.back() == 'z')) t.pop_back();
  return t;
}

}  // namespace

Result<std::string> LastChangeAt(StoreView& store) {
  auto e = Newest(store, IsChange);
  if (!e.ok()) return e.status();
  return e->at;
}

Result<AuditEntry> LastChange(StoreView& store) { return Newest(store, IsChange); }

Result<std::string> LastCheckAt(StoreView& store, std::string_view checker) {
  auto e = Newest(store, [&](const AuditEntry& e) { return e.action == "check" && e.target == checker; });
  if (!e.ok()) return e.status();
  return e->at;
}

Result<std::string> ParseSinceTime(std::string_view text) {
  std::string t(text);
  if (t.size() > 10 && t[10] == ' ') t[10] = 'T';
  t = Strip(t);
  // YYYY-MM-DD, then optionally THH:MM, :SS, .fff
  auto digits = [&](size_t from, size_t n) {
    if (t.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    }
    return true;
  };
  bool ok = digits(0, 4) && t.size() >= 10 && t[4] == '-' && digits(5, 2) && t[7] == '-' && digits(8, 2);
  if (ok && t.size() > 10) {
    ok = t[10] == 'T' && digits(11, 2) && t.size() >= 16 && t[13] == ':' && digits(14, 2);
    if (ok && t.size() > 16) ok = t[16] == ':' && digits(17, 2) && (t.size() == 19 || (t[19] == '.' && digits(20, t.size() - 20)));
  }
  if (!ok) {
    return Status::InvalidArgument("--since wants a time such as 2026-12-04 or 2026-12-04T07:30, or \"last\"; got \"" +
                                   std::string(text) + "\"");
  }
  return t;
}

bool ChangedSince(const std::string& audit_time, const std::string& since) {
  const std::string s = Strip(since);
  return Strip(audit_time).substr(0, s.size()) >= s;
}

}  // namespace dossier
