// Names of the model's enumerations, in one place for the CLI, the store and records.
#include "dossier/model.h"

#include <array>

namespace dossier {
namespace {

template <class E, size_t N>
std::optional<E> Lookup(const std::array<std::pair<std::string_view, E>, N>& table,
                        std::string_view word) {
  for (const auto& [name, value] : table) {
    if (name == word) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view TypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kPlace: return "place";
    case EntityType::kDocument: return "document";
    case EntityType::kClaim: return "claim";
  }
  return "?";
}

std::string_view IdPrefix(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "org";
    case EntityType::kPlace: return "place";
    case EntityType::kDocument: return "doc";
    case EntityType::kClaim: return "claim";
  }
  return "?";
}

std::optional<EntityType> ParseType(std::string_view word) {
  static const std::array<std::pair<std::string_view, EntityType>, 15> kNames = {{
      {"person", EntityType::kPerson},
      {"people", EntityType::kPerson},
      {"persons", EntityType::kPerson},
      {"organization", EntityType::kOrganization},
      {"organizations", EntityType::kOrganization},
      {"org", EntityType::kOrganization},
      {"orgs", EntityType::kOrganization},
      {"place", EntityType::kPlace},
      {"places", EntityType::kPlace},
      {"document", EntityType::kDocument},
      {"documents", EntityType::kDocument},
      {"doc", EntityType::kDocument},
      {"docs", EntityType::kDocument},
      {"claim", EntityType::kClaim},
      {"claims", EntityType::kClaim},
  }};
  return Lookup(kNames, word);
}

std::string_view StatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kUnreviewed: return "unreviewed";
    case ClaimStatus::kConfirmed: return "confirmed";
    case ClaimStatus::kDisputed: return "disputed";
    case ClaimStatus::kRejected: return "rejected";
  }
  return "?";
}

std::optional<ClaimStatus> ParseClaimStatus(std::string_view word) {
  static const std::array<std::pair<std::string_view, ClaimStatus>, 4> kNames = {{
      {"unreviewed", ClaimStatus::kUnreviewed},
      {"confirmed", ClaimStatus::kConfirmed},
      {"disputed", ClaimStatus::kDisputed},
      {"rejected", ClaimStatus::kRejected},
  }};
  return Lookup(kNames, word);
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSame: return "same";
    case Verdict::kDifferent: return "different";
    case Verdict::kUnsure: return "unsure";
  }
  return "?";
}

std::optional<Verdict> ParseVerdict(std::string_view word) {
  static const std::array<std::pair<std::string_view, Verdict>, 3> kNames = {{
      {"same", Verdict::kSame},
      {"different", Verdict::kDifferent},
      {"unsure", Verdict::kUnsure},
  }};
  return Lookup(kNames, word);
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "?";
}

std::optional<Severity> ParseSeverity(std::string_view word) {
  static const std::array<std::pair<std::string_view, Severity>, 3> kNames = {{
      {"info", Severity::kInfo},
      {"warning", Severity::kWarning},
      {"error", Severity::kError},
  }};
  return Lookup(kNames, word);
}

std::string_view FindingStatusName(FindingStatus status) {
  switch (status) {
    case FindingStatus::kOpen: return "open";
    case FindingStatus::kResolved: return "resolved";
    case FindingStatus::kIgnored: return "ignored";
  }
  return "?";
}

std::optional<FindingStatus> ParseFindingStatus(std::string_view word) {
  static const std::array<std::pair<std::string_view, FindingStatus>, 3> kNames = {{
      {"open", FindingStatus::kOpen},
      {"resolved", FindingStatus::kResolved},
      {"ignored", FindingStatus::kIgnored},
  }};
  return Lookup(kNames, word);
}

}  // namespace dossier
