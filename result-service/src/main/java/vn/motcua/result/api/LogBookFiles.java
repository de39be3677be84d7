package vn.motcua.result.api;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.motcua.result.domain.LogBook;
import vn.motcua.shared.events.ReturnChannel;
import vn.motcua.shared.text.Csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/** The log book (Form 07 of Circular 03/2025, 06 of 01/2018) as CSV (UTF-8 with BOM, so spreadsheet programs read the diacritics) and as XLSX. */
final class LogBookFiles {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** The columns of the log book, in its order; "Ký nhận" holds who took the result. */
    private static final List<Column> COLUMNS = List.of(
            new Column("STT", null, 6),
            new Column("Mã hồ sơ", LogBook.Entry::code, 28),
            new Column("Tên thủ tục hành chính", LogBook.Entry::procedureName, 50),
            new Column("Tên người nộp", LogBook.Entry::applicantName, 25),
            new Column("Địa chỉ", LogBook.Entry::applicantAddress, 35),
            new Column("Số điện thoại", LogBook.Entry::applicantPhone, 14),
            new Column("Cơ quan chủ trì giải quyết", e -> e.leadAgencyName() != null ? e.leadAgencyName() : e.leadAgency(), 35),
            new Column("Ngày, giờ nhận hồ sơ", e -> time(e.receivedAt()), 18),
            new Column("Ngày, giờ hẹn trả kết quả", e -> time(e.appointmentAt()), 18),
            new Column("Ngày, giờ trả kết quả", e -> time(e.returnedAt()), 18),
            new Column("Hình thức trả", e -> channel(e.returnChannel(), e.trackingNumber()), 22),
            new Column("Ký nhận (người nhận kết quả)", LogBook.Entry::resultReceivedBy, 25));

    private record Column(String title, Function<LogBook.Entry, String> value, double width) {
    }

    private LogBookFiles() {
    }

    static void csv(List<LogBook.Entry> entries, OutputStream out) throws IOException {
        StringBuilder text = Csv.document();
        Csv.line(text, COLUMNS.stream().map(Column::title).toList());
        int number = 0;
        for (LogBook.Entry entry : entries) {
            number++;
            int n = number;
            Csv.line(text, COLUMNS.stream().map(c -> c.value() == null ? String.valueOf(n) : c.value().apply(entry)).toList());
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void xlsx(List<LogBook.Entry> entries, OutputStream out) {
        try (Workbook book = new Workbook(out, "motcua", "1.0")) {
            Worksheet sheet = book.newWorksheet("Sổ theo dõi hồ sơ");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c).title());
                sheet.style(0, c).bold().wrapText(true).set();
                sheet.width(c, COLUMNS.get(c).width());
            }
            for (int r = 0; r < entries.size(); r++) {
                sheet.value(r + 1, 0, r + 1);
                for (int c = 1; c < COLUMNS.size(); c++) {
                    String value = COLUMNS.get(c).value().apply(entries.get(r));
                    if (value != null) {
                        sheet.value(r + 1, c, value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : time.format(TIME);
    }

    private static String channel(ReturnChannel channel, String trackingNumber) {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case COUNTER -> "Tại bộ phận một cửa";
            case POST -> "Bưu chính" + (trackingNumber == null ? "" : " (" + trackingNumber + ")");
            case ONLINE -> "Trực tuyến";
        };
    }
}
