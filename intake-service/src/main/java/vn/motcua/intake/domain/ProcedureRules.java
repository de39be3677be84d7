package vn.motcua.intake.domain;

import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.Problem.FieldError;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.DurationUnit;
import vn.motcua.shared.events.StageKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a procedure version must satisfy, in two kinds: its shape (required fields, lengths,
 * ranges; 400 {@code validation-failed}) and its fit with the catalogue (agencies that exist and are
 * active, time shares within the statutory time; 422 with the rule's own type).
 */
public final class ProcedureRules {
    /** Codes of procedures and agencies: capitals, digits, and single separators ({@code LT-KS-TT-BHYT}, {@code 1.001193}). */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9]+([.\\-_][A-Z0-9]+)*");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A cut-off time of day, "HH:mm". */
    private static final Pattern CUTOFF = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** A rule of the catalogue that input broke: its problem type and where. */
    public record Violation(String slug, FieldError error) {
    }

    private ProcedureRules() {
    }

    public static void code(String code, String at, int max, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(at, "bắt buộc"));
        } else if (code.length() > max || !CODE.matcher(code).matches()) {
            errors.add(new FieldError(at, "chỉ gồm chữ in hoa, chữ số và dấu . - _ ở giữa, tối đa " + max + " ký tự"));
        }
    }

    public static void date(LocalDate date, String at, boolean required, List<FieldError> errors) {
        if (date == null) {
            if (required) {
                errors.add(new FieldError(at, "bắt buộc (YYYY-MM-DD)"));
            }
        } else if (date.getYear() < 2000 || date.getYear() > 2099) {
            errors.add(new FieldError(at, "phải trong các năm 2000–2099"));
        }
    }

    static void text(String value, String at, int max, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(at, "bắt buộc"));
            }
        } else if (value.length() > max) {
            errors.add(new FieldError(at, "tối đa " + max + " ký tự"));
        }
    }

    /** Shape of normalized content; {@code at} prefixes field paths ("" or "procedures[0].versions[1]."). */
    public static void shape(ProcedureContent c, String at, List<FieldError> errors) {
        text(c.name(), at + "name", 1000, true, errors);
        text(c.field(), at + "field", 200, false, errors);
        code(c.competentAgency(), at + "competentAgency", 64, errors);
        time(c.statutoryTime(), at + "statutoryTime", errors);
        text(c.resultForm(), at + "resultForm", 1000, false, errors);
        text(c.legalBasis(), at + "legalBasis", 2000, false, errors);
        if (c.sameDayCutoff() != null && !CUTOFF.matcher(c.sameDayCutoff()).matches()) {
            errors.add(new FieldError(at + "sameDayCutoff", "giờ dạng HH:mm (00:00–23:59) hoặc để trống"));
        }
        if (c.onlineLevel() != null && !c.onlineLevel().equals("FULL") && !c.onlineLevel().equals("PARTIAL")) {
            errors.add(new FieldError(at + "onlineLevel", "FULL, PARTIAL hoặc để trống"));
        }
        plan(c.plan(), at + "plan", errors);
        if (c.documents().size() > 100) {
            errors.add(new FieldError(at + "documents", "tối đa 100 thành phần"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < c.documents().size(); i++) {
            ProcedureContent.Document d = c.documents().get(i);
            String p = at + "documents[" + i + "]";
            if (d == null) {
                errors.add(new FieldError(p, "bắt buộc"));
                continue;
            }
            text(d.name(), p + ".name", 500, true, errors);
            if (d.name() != null && !names.add(d.name())) {
                errors.add(new FieldError(p + ".name", "trùng tên với thành phần khác (bảng kiểm tra so theo tên)"));
            }
            if (d.form() == null) {
                errors.add(new FieldError(p + ".form", "ORIGINAL, CERTIFIED_COPY hoặc COPY"));
            }
            if (d.copies() < 1 || d.copies() > 20) {
                errors.add(new FieldError(p + ".copies", "từ 1 đến 20"));
            }
        }
        if (c.fees().size() > 20) {
            errors.add(new FieldError(at + "fees", "tối đa 20 khoản"));
        }
        for (int i = 0; i < c.fees().size(); i++) {
            ProcedureContent.Fee f = c.fees().get(i);
            String p = at + "fees[" + i + "]";
            if (f == null) {
                errors.add(new FieldError(p, "bắt buộc"));
                continue;
            }
            text(f.name(), p + ".name", 500, true, errors);
            text(f.note(), p + ".note", 1000, false, errors);
            if (f.amountVnd() == null || f.amountVnd() < 0 || f.amountVnd() > 1_000_000_000_000L) {
                errors.add(new FieldError(p + ".amountVnd", "số đồng từ 0 đến 10^12"));
            }
        }
    }

    private static void time(ProcedureContent.Time t, String at, List<FieldError> errors) {
        if (t == null || t.unit() == null) {
            errors.add(new FieldError(at, "bắt buộc: {\"value\", \"unit\": WORKING_DAYS|WORKING_HOURS|CALENDAR_DAYS}"));
        } else if (t.value() == null || t.value() < 0 || t.value() > 3650) {
            errors.add(new FieldError(at + ".value", "số nguyên từ 0 đến 3650"));
        }
    }

    private static void plan(ProcedureContent.Plan plan, String at, List<FieldError> errors) {
        if (plan == null || plan.stages() == null || plan.stages().isEmpty()) {
            errors.add(new FieldError(at + ".stages", "cần ít nhất một bước"));
            return;
        }
        if (plan.leadAgencyCode() != null) {
            code(plan.leadAgencyCode(), at + ".leadAgencyCode", 64, errors);
        }
        if (plan.stages().size() > 20) {
            errors.add(new FieldError(at + ".stages", "tối đa 20 giai đoạn"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            ProcedureContent.Stage stage = plan.stages().get(i);
            String p = at + ".stages[" + i + "]";
            if (stage == null || stage.kind() == null || stage.steps() == null) {
                errors.add(new FieldError(p, "bắt buộc: {\"kind\": SINGLE|PARALLEL, \"steps\"}"));
                continue;
            }
            if (stage.kind() == StageKind.SINGLE && stage.steps().size() != 1) {
                errors.add(new FieldError(p + ".steps", "giai đoạn SINGLE có đúng một bước"));
            }
            if (stage.kind() == StageKind.PARALLEL && (stage.steps().size() < 2 || stage.steps().size() > 20)) {
                errors.add(new FieldError(p + ".steps", "giai đoạn PARALLEL có từ 2 đến 20 bước song song"));
            }
            for (int j = 0; j < stage.steps().size(); j++) {
                ProcedureContent.Step step = stage.steps().get(j);
                String s = p + ".steps[" + j + "]";
                if (step == null) {
                    errors.add(new FieldError(s, "bắt buộc"));
                    continue;
                }
                if (step.stepId() == null || !STEP_ID.matcher(step.stepId()).matches()) {
                    errors.add(new FieldError(s + ".stepId", "bắt buộc: chữ, số, . - _, tối đa 64 ký tự"));
                } else if (!ids.add(step.stepId())) {
                    errors.add(new FieldError(s + ".stepId", "trùng với bước khác"));
                }
                code(step.agencyCode(), s + ".agencyCode", 64, errors);
                text(step.name(), s + ".name", 500, false, errors);
                time(step.share(), s + ".share", errors);
            }
        }
    }

    /**
     * Against the catalogue, for content of a valid shape: every agency named exists (and is active when
     * {@code requireActive}: a version that applies today or later), and the time shares along the
     * plan (sequential stages add up, a parallel group counts its longest step) fit the statutory time.
     */
    public static List<Violation> fit(ProcedureContent c, String at, Map<String, Agency> agencies, boolean requireActive) {
        List<Violation> violations = new ArrayList<>();
        agency(c.competentAgency(), at + "competentAgency", agencies, requireActive, violations);
        agency(c.plan().leadAgencyCode(), at + "plan.leadAgencyCode", agencies, requireActive, violations);
        DurationUnit unit = c.statutoryTime().unit();
        long total = 0;
        boolean comparable = true;
        for (int i = 0; i < c.plan().stages().size(); i++) {
            long longest = 0;
            List<ProcedureContent.Step> steps = c.plan().stages().get(i).steps();
            for (int j = 0; j < steps.size(); j++) {
                ProcedureContent.Step step = steps.get(j);
                String s = at + "plan.stages[" + i + "].steps[" + j + "]";
                agency(step.agencyCode(), s + ".agencyCode", agencies, requireActive, violations);
                if (calendarDays(step.share().unit()) != calendarDays(unit)) {
                    violations.add(new Violation("plan-unit-mismatch", new FieldError(s + ".share.unit",
                            "phải cùng loại với thời hạn giải quyết (" + unit + ")")));
                    comparable = false;
                } else {
                    longest = Math.max(longest, hours(step.share()));
                }
            }
            total += longest;
        }
        if (comparable && total > hours(c.statutoryTime())) {
            violations.add(new Violation("plan-exceeds-statutory-time", new FieldError(at + "plan",
                    "tổng thời gian các bước (" + describe(total, unit) + ") vượt thời hạn giải quyết ("
                            + c.statutoryTime().value() + " " + unitText(unit) + ")")));
        }
        return violations;
    }

    /** Throws the problem for the violations: 422, typed by the first, listing them all. */
    public static void throwIfAny(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String slug = violations.get(0).slug();
        String title = switch (slug) {
            case "unknown-agency" -> "Cơ quan không có trong danh mục hoặc đã ngừng hoạt động";
            case "plan-exceeds-statutory-time" -> "Thời gian các bước vượt thời hạn giải quyết";
            case "plan-unit-mismatch" -> "Đơn vị thời gian không thống nhất";
            default -> "Không thể xử lý yêu cầu";
        };
        throw new ProblemException(Problem.of(slug, title, 422,
                "Dữ liệu vi phạm " + violations.size() + " quy tắc của danh mục.")
                .withErrors(violations.stream().map(Violation::error).toList()));
    }

    private static void agency(String code, String at, Map<String, Agency> agencies, boolean requireActive,
                               List<Violation> violations) {
        Agency agency = agencies.get(code);
        if (agency == null) {
            violations.add(new Violation("unknown-agency", new FieldError(at, "không có cơ quan " + code + " trong danh mục")));
        } else if (requireActive && !agency.active) {
            violations.add(new Violation("unknown-agency", new FieldError(at, "cơ quan " + code + " đã ngừng hoạt động")));
        }
    }

    private static boolean calendarDays(DurationUnit unit) {
        return unit == DurationUnit.CALENDAR_DAYS;
    }

    /** Working days count 8 working hours; calendar days count as themselves. */
    private static long hours(ProcedureContent.Time t) {
        return t.unit() == DurationUnit.WORKING_DAYS ? t.value() * 8L : t.value();
    }

    private static String describe(long hours, DurationUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> hours % 8 == 0 ? hours / 8 + " ngày làm việc" : hours + " giờ làm việc";
            case WORKING_HOURS -> hours + " giờ làm việc";
            case CALENDAR_DAYS -> hours + " ngày";
        };
    }

    private static String unitText(DurationUnit unit) {
        return switch (unit) {
            case WORKING_DAYS -> "ngày làm việc";
            case WORKING_HOURS -> "giờ làm việc";
            case CALENDAR_DAYS -> "ngày";
        };
    }
}
