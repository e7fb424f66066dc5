// Reading RFC 4180 records one at a time (see csv_reader.h).
#include "csv_reader.h"

#include <algorithm>

namespace dossier::cable {
namespace {
constexpr size_t kBlock = 1 << 16;
}

CsvReader::CsvReader(std::istream& in, size_t max_field) : in_(&in), max_field_(max_field) {}

CsvReader::CsvReader(std::string_view text, size_t pos, size_t max_field)
    : data_(text.substr(std::min(pos, text.size()))), offset_(static_cast<int64_t>(std::min(pos, text.size()))), max_field_(max_field) {}

bool CsvReader::Peek(char* c) {
  if (data_.empty() && in_ && *in_) {
    buffer_.resize(kBlock);
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.resize(static_cast<size_t>(in_->gcount()));
    data_ = buffer_;
  }
  if (data_.empty()) return false;
  *c = data_[0];
  return true;
}

bool CsvReader::Get(char* c) {
  if (!Peek(c)) return false;
  data_.remove_prefix(1);
  ++offset_;
  if (*c == '\n') ++line_;
  at_line_start_ = *c == '\n';
  return true;
}

void CsvReader::SkipToRowStart() {
  char c;
  for (;;) {
    if (at_line_start_) {
      // A cables.csv row opens with its numeric id and a comma.
      std::string digits;
      while (Peek(&c) && c >= '0' && c <= '9' && digits.size() < 12) {
        digits += c;
        Get(&c);
      }
      if (!digits.empty() && Peek(&c) && c == ',') {
        // Put the id back by starting the record with it: the caller reads on
        // from here, so hand the digits over through the buffer.
        buffer_ = digits + std::string(data_);
        data_ = buffer_;
        offset_ -= static_cast<int64_t>(digits.size());
        at_line_start_ = true;
        return;
      }
    }
    if (!Get(&c)) return;
  }
}

bool CsvReader::Next(CsvRecord* record) {
  *record = CsvRecord{};
  char c;
  // Skip blank lines between records.
  while (Peek(&c) && (c == '\n' || c == '\r')) Get(&c);
  if (!Peek(&c)) return false;
  record->number = ++records_;
  record->line = line_;
  std::string field;
  bool quoted = false, after_quote = false, field_started = false;
  auto end_field = [&] {
    record->fields.push_back(std::move(field));
    field.clear();
    quoted = after_quote = field_started = false;
  };
  for (;;) {
    if (!field_started) {
      record->field_starts.push_back(offset_);
      field_started = true;
      if (Peek(&c) && c == '"') {
        Get(&c);
        quoted = true;
        record->field_starts.back() = offset_;
      }
    }
    if (quoted && !after_quote && Peek(&c) && c != '"') {
      // Inside quotes: copy up to the next quote in one go (cable bodies are long).
      size_t n = data_.find('"');
      if (n == std::string_view::npos) n = data_.size();
      const std::string_view chunk = data_.substr(0, n);
      field.append(chunk);
      for (char ch : chunk) line_ += ch == '\n';
      at_line_start_ = chunk.back() == '\n';
      offset_ += static_cast<int64_t>(n);
      data_.remove_prefix(n);
      if (field.size() > max_field_) {
        record->error = "field " + std::to_string(record->fields.size() + 1) + " is longer than " +
                        std::to_string(max_field_ >> 20) + " MiB (an unbalanced quote?)";
        end_field();
        SkipToRowStart();
        return true;
      }
      continue;
    }
    if (!Get(&c)) {
      if (quoted && !after_quote) {
        record->error = "field " + std::to_string(record->fields.size() + 1) + " opens a quote that never closes";
      }
      end_field();
      return true;
    }
    if (quoted && !after_quote) {
      if (c == '"') {
        char d;
        if (Peek(&d) && d == '"') {
          Get(&d);
          field += '"';
        } else {
          after_quote = true;
        }
      } else {
        field += c;
      }
    } else if (c == ',') {
      end_field();
      continue;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && Peek(&c) && c == '\n') Get(&c);
      end_field();
      return true;
    } else {
      if (after_quote && record->warning.empty()) {
        record->warning = "text after the closing quote of field " + std::to_string(record->fields.size() + 1);
      }
      if (!quoted && c == '"' && record->warning.empty()) {
        record->warning = "a quote inside unquoted field " + std::to_string(record->fields.size() + 1);
      }
      field += c;
    }
    if (field.size() > max_field_) {
      record->error = "field " + std::to_string(record->fields.size() + 1) + " is longer than " +
                      std::to_string(max_field_ >> 20) + " MiB (an unbalanced quote?)";
      end_field();
      SkipToRowStart();
      return true;
    }
  }
}

}  // namespace dossier::cable
