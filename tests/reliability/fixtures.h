// Invented documents for the reliability tests: a telegram-form cable whose
// text can be re-encoded (Latin-1, Windows-1252) and a plain note, both with
// a serial so a test can write many distinct ones. Posts, people and events
// are made up.
#pragma once

#include <string>

namespace dossier::testing::reliability {

// A raw telegram from the invented Embassy Marvella. `accent` goes into the
// subject and body as given (UTF-8 or a single-byte code page).
inline std::string Cable(int serial, const std::string& accent = "") {
  const std::string n = std::to_string(serial);
  return "VZCZCXRO" + n + "\n"
         "PP RUEHMV\n"
         "DE RUEHMV #" + n + " 0921415\n"
         "ZNR UUUUU ZZH\n"
         "P 021415Z APR 09\n"
         "FM AMEMBASSY MARVELLA\n"
         "TO RUEHC/SECSTATE WASHDC PRIORITY " + n + "\n"
         "UNCLAS MARVELLA 000" + n + "\n"
         "\n"
         "E.O. 12958: N/A\n"
         "TAGS: ECON PGOV VA\n"
         "SUBJECT: HARBOR TALKS ROUND " + n + accent + "\n"
         "\n"
         "1. Fisheries Minister Otto Brennicke met Mayor Ilse Marangoni of Port\n"
         "Ostran on April 2 to discuss berth " + n + " and a lease worth EUR " + n + " million.\n"
         "\n"
         "2. The Seabright Cannery Company said it would hire " + n + " workers." + accent + "\n"
         "WESTBROOK\n";
}

// A plain note for the text importer.
inline std::string Note(int serial) {
  const std::string n = std::to_string(serial);
  return "Harbor log " + n + "\n\nThe ferry Northern Gull left Port Ostran at noon with " + n +
         " passengers.\n\nCaptain Aldo Ferreira reported calm seas.\n";
}

}  // namespace dossier::testing::reliability
