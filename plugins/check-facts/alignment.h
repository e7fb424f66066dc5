// Figures of one story that the extractor laid on different subjects but that
// state one thing. An outlet writes "the bloc will have exports of $188
// billion" and another "the Community's ... exports of $181bn": the first
// figure goes to the event, the second to the Community, and grouped by
// subject they never meet. Within a story (docs/checks.md, "Stories") an
// editor aligns them by what they measure and by their values; this does
// the same, with rules strict enough that two things are not taken for one
// (docs/checks.md, "Across subjects"):
//
// - Agreement: the same amount in the same unit, in two documents of the
//   story, under predicates that do not contradict (equal, or one of them a
//   catch-all or a plain count); small amounts (under 10) only under one
//   predicate that names what they count, since a story is full of twos
//   and threes.
// - Conflict: one specific predicate and unit, exactly two values that no
//   document gives both of, no more than 25% apart. Farther apart, or given
//   together by one document, the values are two things (Indonesia's toll
//   and Asia's).
//
// Each is made only where the subject groups do not already compare the
// same claims.
#pragma once

#include <deque>

#include "claim_index.h"

namespace dossier::check {

// The groups of story-wide figures to report, each with subject = the story
// and laid_on = the subjects its claims had.
std::deque<FactGroup> AlignAcrossSubjects(const ClaimIndex& index, const Canonical& canonical);

}  // namespace dossier::check
