package vn.hoinghi.collector.rtcstats;

/**
 * Reads a getstats payload and the two numbers after it straight from the entry's UTF-8 bytes into a
 * {@link PeerConnectionStats}, skipping what the {@link ReportFilter} drops without building strings or numbers
 * for it. Malformed input throws {@link ProtocolException} ({@link CloseReason#BAD_JSON}).
 */
final class StatsScanner extends JsonCursor {

  StatsScanner(byte[] bytes, int start, int limit) {
    super(bytes, start, limit);
  }

  /** Reads {@code {reportId: {field: value…}…, "timestamp": n}} into {@code pc}. */
  void readGetStats(PeerConnectionStats pc, ReportFilter filter) {
    expect('{');
    pc.beginSample();
    double sampleTimestamp = Double.NaN;
    if (!tryConsume('}')) {
      do {
        ws();
        if (peek() != '"') {
          throw bad("report id expected");
        }
        int start = i + 1;
        int end = skipString();
        expect(':');
        ws();
        if (peek() == '{') {
          int row = escaped ? row(pc.report(skippedText(start, end))) : pc.report(b, start, end - start);
          if (row < 0) {
            throw new ProtocolException(CloseReason.TOO_MANY_REPORTS, "more reports than allowed");
          }
          readReport(pc, filter, row);
        } else if (sameAscii(start, end, "timestamp") && isNumberStart(peek())) {
          sampleTimestamp = ((Number) readNumber()).doubleValue();
        } else {
          skipValue(0);
        }
      } while (tryConsume(','));
      expect('}');
    }
    pc.endSample(sampleTimestamp);
  }

  private static int row(StatsReport report) {
    return report == null ? -1 : report.row();
  }

  private void readReport(PeerConnectionStats pc, ReportFilter filter, int row) {
    expect('{');
    if (tryConsume('}')) {
      return;
    }
    do {
      ws();
      if (peek() != '"') {
        throw bad("field name expected");
      }
      int start = i + 1;
      int end = skipString();
      String escapedName = escaped ? skippedText(start, end) : null;
      int slot = escapedName != null ? filter.slotOf(escapedName) : filter.slot(b, start, end - start);
      expect(':');
      ws();
      if (slot == ReportFilter.DROP || slot == ReportFilter.ID) {
        skipValue(0);
      } else if (slot == ReportFilter.EXTRA) {
        String name = escapedName != null ? escapedName : skippedText(start, end); // before the value moves on
        pc.putExtra(row, name, readValue(0));
      } else if (isNumberStart(peek())) {
        pc.putNumber(row, slot, readDouble());
      } else {
        pc.put(row, slot, readValue(0));
      }
    } while (tryConsume(','));
    expect('}');
  }

  /** Reads {@code , clientTs , seq ]} that follow the payload, up to the end; returns {clientTs, seq}. */
  long[] readTail() {
    expect(',');
    ws();
    long clientTs = integral("clientTs");
    expect(',');
    ws();
    long seq = integral("seq");
    expect(']');
    if (!atEnd()) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, "stats-entry has extra elements");
    }
    return new long[] {clientTs, seq};
  }

  private long integral(String what) {
    if (!isNumberStart(peek())) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, what + " is not a number");
    }
    Object n = readNumber();
    if (n instanceof Long l) {
      return l;
    }
    double d = (Double) n;
    if (!Double.isFinite(d)) {
      throw new ProtocolException(CloseReason.BAD_ENTRY, what + " is not finite");
    }
    return (long) d;
  }
}
