// The four fact cross-checkers (docs/checks.md describes their findings):
//   numbers        figures on one subject, predicate and time: agreement or conflict
//   identity       names that probably denote one person, or nobody
//   corroboration  how many independent sources each fact rests on
//   integrity      repeated paragraphs, numbering out of sequence, dates
//                  after the document, REFs to cables not in the store
#pragma once

#include <memory>
#include <string>

#include "dossier/checker.h"

namespace dossier::check {

std::unique_ptr<Checker> MakeNumbersChecker();
std::unique_ptr<Checker> MakeIdentityChecker();
std::unique_ptr<Checker> MakeCorroborationChecker();
std::unique_ptr<Checker> MakeIntegrityChecker();

// "30,000,000", "11.5", "0.25": a figure for messages.
std::string FormatAmount(double amount);

}  // namespace dossier::check
