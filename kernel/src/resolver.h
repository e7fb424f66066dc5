// The resolver (docs/design.md §1, "Resolver"): which stored entity a
// proposed one is, decided by one set of rules whatever the storage backend.
// A backend answers lookups (ResolverIndex) and carries out what the resolver
// decides: link to an entity, create one, or merge short forms into a full
// name, each automatic merge with its evidence (undone by `dossier split`).
//
// The rules, in order (docs/extraction.md, "Resolution"):
//  1. a stated id;
//  2. the same name or alias, within the type (places only when their kinds
//     agree: Washington the state is not Washington, D.C.);
//  3. organizations: the same name but for its legal form ("Halvorsen Corp.",
//     "Halvorsen Inc." and "Halvorsen" are one company; "Holdings" and
//     "Group" are no legal form: a holding company formed from a company is
//     another company);
//  4. people: a surname used alone that exactly one known person has;
//     conversely a full name takes in the surname-only people it is the only
//     fit for;
//  4b. people: a longer or shorter form of one known person's full name
//     ("Lula da Silva", "Luiz Inacio Lula da Silva"; "John Smith", "John
//     Michael Smith") when no other known person's name fits;
//  5. a name the extractor typed on weak evidence (a bare capitalised name)
//     that the store holds as another type takes that entity and its type.
// Anything uncertain (transliterations, two people with one surname) is left
// to the identity checker, which offers it to a curator.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dossier/facts.h"
#include "dossier/model.h"

namespace dossier {

// What a lookup gives: the entity whose name matched, and the canonical
// entity it is read through (itself unless it was merged). Linking to the
// matched entity rather than its canonical keeps a split exact.
struct Candidate {
  std::string id;
  std::string canonical;
  EntityType type = EntityType::kPerson;
  std::string name;                   // the matched entity's
  Json properties = Json::object();  // the canonical entity's
};

// The kinds of key an entity is also found by (besides its name and aliases).
enum class NameKey {
  kOrgCore,  // an organization's name without its legal form: "halvorsen"
  kSurname,  // a person's last name word, for names of two words or more: "sarkozy"
};

// The keys for one name of an entity of this type (for the backend to store
// beside the entity, for each of its names and aliases).
std::vector<std::pair<NameKey, std::string>> NameKeys(EntityType type, const std::string& name);

// What the resolver asks a backend. Answers come oldest canonical first,
// one candidate per canonical entity.
class ResolverIndex {
 public:
  virtual ~ResolverIndex();
  // Entities of any type whose name (or, when aliases, an alias) normalises to norm.
  virtual std::vector<Candidate> ByName(const std::string& norm, bool aliases) = 0;
  // Entities that have this key.
  virtual std::vector<Candidate> ByKey(NameKey kind, const std::string& key) = 0;
  // Whether a curator (or a split) said these two are different.
  virtual bool JudgedDifferent(const std::string& a, const std::string& b) = 0;
};

struct Resolution {
  std::string id;        // an existing canonical entity, or "" for a new one
  EntityType type = EntityType::kPerson;  // the type it is stored as
  std::string rule;      // which rule linked it: "name", "alias", "org-form", "surname", "name-form", "type"
  std::string evidence;  // for rules past the plain name: why, in words
  // Link by a merge: the proposed entity is stored under its own name and
  // merged into `id` with `evidence` as the reason, so that `dossier split`
  // undoes the resolver's decision (rules 3, 4 and 4b).
  bool merge = false;
  // Existing entities to merge into the resolved (or new) one, each with the
  // evidence for it: surname-only people a full name is the one fit for.
  std::vector<std::pair<std::string, std::string>> absorb;
};

// Decides for one proposed entity that has no stated id. An empty id means
// "create it" (as resolution.type).
Resolution Resolve(const ProposedEntity& proposed, ResolverIndex& index);

// After the new entity `id` exists: the surname-only people it takes in
// (rule 4, the other way round).
std::vector<std::pair<std::string, std::string>> AbsorbedBy(const std::string& id, const ProposedEntity& proposed,
                                                            ResolverIndex& index);

}  // namespace dossier
