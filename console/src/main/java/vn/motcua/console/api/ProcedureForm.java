package vn.motcua.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import vn.motcua.console.client.IntakeClient;
import vn.motcua.console.view.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The administrator's procedure editor as typed: the fields of a new procedure or of a new version, kept as text so
 * that a refused form comes back with exactly what was typed. {@link #request} turns it into intake's request, and
 * names the form's input for each field path intake may refuse. Rows left blank are not sent; the plan's stages are
 * the step rows grouped by their stage number (two rows with one number run side by side).
 */
public record ProcedureForm(String code, Integer basedOnVersion, String effectiveFrom, String name, String field,
                     String competentAgency, String leadAgency, String timeValue, String timeUnit, String onlineLevel,
                     String resultForm, String legalBasis, boolean suspensionAllowed, boolean extensionAllowed,
                     String supplementLapse, String sameDayCutoff, List<DocumentRow> documents, List<FeeRow> fees,
                     List<StepRow> steps) {
    static final int SPARE_DOCUMENTS = 3;
    static final int SPARE_FEES = 2;
    static final int SPARE_STEPS = 2;

    public record DocumentRow(int index, String name, String form, String copies, boolean mandatory) {
        /** The row's inputs are named {@code doc-N-…}. */
        public String key() {
            return "doc-" + index + "-";
        }

        boolean blank() {
            return Pages.text(name) == null;
        }
    }

    public record FeeRow(int index, String name, String amount, String note) {
        public String key() {
            return "fee-" + index + "-";
        }

        boolean blank() {
            return Pages.text(name) == null && Pages.text(amount) == null && Pages.text(note) == null;
        }
    }

    public record StepRow(int index, String stage, String stepId, String agency, String name, String shareValue, String shareUnit) {
        public String key() {
            return "step-" + index + "-";
        }

        boolean blank() {
            return Pages.text(stepId) == null && Pages.text(agency) == null && Pages.text(name) == null
                    && Pages.text(shareValue) == null;
        }
    }

    /** What goes to intake, and where each of intake's field paths is in the form. */
    record Request(IntakeClient.Version version, FormErrors local, Function<String, FormErrors.Target> place) {
    }

    /** A new procedure: nothing typed yet, the defaults intake would apply shown. */
    static ProcedureForm blank(LocalDate from) {
        return new ProcedureForm("", null, from.toString(), "", "", "", "", "", "WORKING_DAYS", "", "", "", true, true,
                "RETURN", "", List.of(), List.of(), List.of()).withSpareRows();
    }

    /** A new version edited from {@code v}, to apply from {@code from}. */
    static ProcedureForm of(IntakeClient.Version v, LocalDate from) {
        List<DocumentRow> documents = new ArrayList<>();
        for (IntakeClient.Document d : list(v.documents())) {
            documents.add(new DocumentRow(documents.size(), d.name(), d.form(), d.copies() == null ? "1" : d.copies().toString(),
                    !Boolean.FALSE.equals(d.mandatory())));
        }
        List<FeeRow> fees = new ArrayList<>();
        for (IntakeClient.Fee f : list(v.fees())) {
            fees.add(new FeeRow(fees.size(), f.name(), f.amountVnd() == null ? "" : f.amountVnd().toString(), text(f.note())));
        }
        List<StepRow> steps = new ArrayList<>();
        List<IntakeClient.Stage> stages = v.plan() == null ? List.of() : list(v.plan().stages());
        for (int i = 0; i < stages.size(); i++) {
            for (IntakeClient.PlanStep s : list(stages.get(i).steps())) {
                IntakeClient.Time share = s.share();
                steps.add(new StepRow(steps.size(), String.valueOf(i + 1), text(s.stepId()), text(s.agencyCode()), text(s.name()),
                        share == null || share.value() == null ? "" : share.value().toString(),
                        share == null || share.unit() == null ? "WORKING_DAYS" : share.unit()));
            }
        }
        IntakeClient.Time time = v.statutoryTime();
        String lead = v.plan() == null || v.plan().leadAgencyCode() == null
                || v.plan().leadAgencyCode().equals(v.competentAgency()) ? "" : v.plan().leadAgencyCode();
        return new ProcedureForm(v.code(), v.version(), from.toString(), text(v.name()), text(v.field()),
                text(v.competentAgency()), lead, time == null || time.value() == null ? "" : time.value().toString(),
                time == null || time.unit() == null ? "WORKING_DAYS" : time.unit(), text(v.onlineLevel()),
                text(v.resultForm()), text(v.legalBasis()), !Boolean.FALSE.equals(v.suspensionAllowed()),
                !Boolean.FALSE.equals(v.extensionAllowed()), v.supplementLapse() == null ? "RETURN" : v.supplementLapse(),
                text(v.sameDayCutoff()), documents, fees, steps).withSpareRows();
    }

    /** The form as posted (rows numbered from 0 until one is missing). */
    static ProcedureForm read(MultivaluedMap<String, String> posted) {
        List<DocumentRow> documents = new ArrayList<>();
        for (int i = 0; posted.containsKey("doc-" + i + "-name"); i++) {
            documents.add(new DocumentRow(i, value(posted, "doc-" + i + "-name"), value(posted, "doc-" + i + "-form"),
                    value(posted, "doc-" + i + "-copies"), posted.containsKey("doc-" + i + "-mandatory")));
        }
        List<FeeRow> fees = new ArrayList<>();
        for (int i = 0; posted.containsKey("fee-" + i + "-name"); i++) {
            fees.add(new FeeRow(i, value(posted, "fee-" + i + "-name"), value(posted, "fee-" + i + "-amount"),
                    value(posted, "fee-" + i + "-note")));
        }
        List<StepRow> steps = new ArrayList<>();
        for (int i = 0; posted.containsKey("step-" + i + "-id"); i++) {
            steps.add(new StepRow(i, value(posted, "step-" + i + "-stage"), value(posted, "step-" + i + "-id"),
                    value(posted, "step-" + i + "-agency"), value(posted, "step-" + i + "-name"),
                    value(posted, "step-" + i + "-share"), value(posted, "step-" + i + "-unit")));
        }
        Integer based;
        try {
            based = Pages.text(posted.getFirst("basedOnVersion")) == null ? null
                    : Integer.valueOf(posted.getFirst("basedOnVersion").trim());
        } catch (NumberFormatException e) {
            based = null;
        }
        return new ProcedureForm(value(posted, "code"), based, value(posted, "effectiveFrom"), value(posted, "name"),
                value(posted, "field"), value(posted, "competentAgency"), value(posted, "leadAgency"),
                value(posted, "timeValue"), value(posted, "timeUnit"), value(posted, "onlineLevel"),
                value(posted, "resultForm"), value(posted, "legalBasis"), posted.containsKey("suspensionAllowed"),
                posted.containsKey("extensionAllowed"), value(posted, "supplementLapse"), value(posted, "sameDayCutoff"),
                documents, fees, steps);
    }

    /** The rows typed, without blank ones, and a few blank rows to type more into. */
    ProcedureForm withSpareRows() {
        List<DocumentRow> d = new ArrayList<>();
        documents.stream().filter(r -> !r.blank()).forEach(r -> d.add(new DocumentRow(d.size(), r.name(), r.form(), r.copies(), r.mandatory())));
        for (int i = 0; i < SPARE_DOCUMENTS; i++) {
            d.add(new DocumentRow(d.size(), "", "ORIGINAL", "1", true));
        }
        List<FeeRow> f = new ArrayList<>();
        fees.stream().filter(r -> !r.blank()).forEach(r -> f.add(new FeeRow(f.size(), r.name(), r.amount(), r.note())));
        for (int i = 0; i < SPARE_FEES; i++) {
            f.add(new FeeRow(f.size(), "", "", ""));
        }
        List<StepRow> s = new ArrayList<>();
        steps.stream().filter(r -> !r.blank()).forEach(r -> s.add(new StepRow(s.size(), r.stage(), r.stepId(), r.agency(),
                r.name(), r.shareValue(), r.shareUnit())));
        for (int i = 0; i < SPARE_STEPS; i++) {
            s.add(new StepRow(s.size(), "", "", "", "", "", timeUnit == null || timeUnit.isBlank() ? "WORKING_DAYS" : timeUnit));
        }
        return new ProcedureForm(code, basedOnVersion, effectiveFrom, name, field, competentAgency, leadAgency, timeValue,
                timeUnit, onlineLevel, resultForm, legalBasis, suspensionAllowed, extensionAllowed, supplementLapse,
                sameDayCutoff, d, f, s);
    }

    /**
     * intake's request for this form (a new procedure when {@code creating}, else a version based on
     * {@link #basedOnVersion}); each step keeps the internal flow its step of {@code base} had (same step id). Numbers and
     * dates that are not are refused here, named like intake's refusals.
     */
    Request request(boolean creating, IntakeClient.Version base) {
        FormErrors.Builder local = new FormErrors.Builder();
        LocalDate from = null;
        if (Pages.text(effectiveFrom) != null) {
            try {
                from = LocalDate.parse(effectiveFrom.trim());
            } catch (DateTimeParseException e) {
                local.add("effectiveFrom", "Ngày hiệu lực: ngày dạng năm-tháng-ngày, ví dụ 2031-01-01.");
            }
        }
        List<IntakeClient.Document> docs = new ArrayList<>();
        List<Integer> docRows = new ArrayList<>();
        for (DocumentRow r : documents) {
            if (!r.blank()) {
                docs.add(new IntakeClient.Document(Pages.text(r.name()), Pages.text(r.form()),
                        number(r.copies(), "doc-" + r.index() + "-copies", documentLabel(r.index()) + ", số bản", local),
                        r.mandatory()));
                docRows.add(r.index());
            }
        }
        List<IntakeClient.Fee> feeList = new ArrayList<>();
        List<Integer> feeRows = new ArrayList<>();
        for (FeeRow r : fees) {
            if (!r.blank()) {
                String digits = r.amount() == null ? null : r.amount().replaceAll("[\\s.,]", "");
                Long vnd = null;
                if (Pages.text(digits) != null) {
                    try {
                        vnd = Long.valueOf(digits);
                    } catch (NumberFormatException e) {
                        local.add("fee-" + r.index() + "-amount", feeLabel(r.index()) + ", số tiền: phải là số đồng, ví dụ 50000.");
                    }
                }
                feeList.add(new IntakeClient.Fee(Pages.text(r.name()), vnd, Pages.text(r.note())));
                feeRows.add(r.index());
            }
        }
        Map<String, JsonNode> flows = new HashMap<>();
        if (base != null && base.plan() != null) {
            list(base.plan().stages()).forEach(st -> list(st.steps()).forEach(s -> {
                if (s.stepId() != null && s.flow() != null && !s.flow().isNull()) {
                    flows.put(s.stepId(), s.flow());
                }
            }));
        }
        // rows by stage number (blank: a stage of its own, in row order); equal numbers run side by side
        List<StepRow> rows = steps.stream().filter(r -> !r.blank()).toList();
        Map<StepRow, Integer> stageOf = new HashMap<>();
        for (StepRow r : rows) {
            Integer n = number(r.stage(), "step-" + r.index() + "-stage", stepLabel(r.index()) + ", giai đoạn", local);
            stageOf.put(r, n == null ? 1000 + r.index() : n);
        }
        List<StepRow> ordered = rows.stream().sorted(Comparator.comparing(stageOf::get)).toList();
        List<IntakeClient.Stage> stages = new ArrayList<>();
        Map<String, Integer> stepRows = new HashMap<>();
        List<IntakeClient.PlanStep> current = new ArrayList<>();
        for (int k = 0; k < ordered.size(); k++) {
            StepRow r = ordered.get(k);
            String id = Pages.text(r.stepId());
            stepRows.put(stages.size() + "." + current.size(), r.index());
            current.add(new IntakeClient.PlanStep(id, Pages.text(r.agency()), null, Pages.text(r.name()),
                    new IntakeClient.Time(number(r.shareValue(), "step-" + r.index() + "-share", stepLabel(r.index())
                            + ", thời gian", local), Pages.text(r.shareUnit())), id == null ? null : flows.get(id)));
            if (k + 1 == ordered.size() || !stageOf.get(ordered.get(k + 1)).equals(stageOf.get(r))) {
                stages.add(new IntakeClient.Stage(current.size() == 1 ? "SINGLE" : "PARALLEL", current));
                current = new ArrayList<>();
            }
        }
        IntakeClient.Version version = new IntakeClient.Version(creating ? Pages.text(code) : null, null,
                creating ? null : basedOnVersion, from, null, Pages.text(name), Pages.text(field), Pages.text(competentAgency),
                new IntakeClient.Time(number(timeValue, "timeValue", "Thời hạn giải quyết", local), Pages.text(timeUnit)),
                new IntakeClient.Plan(Pages.text(leadAgency), stages), docs, feeList, Pages.text(onlineLevel),
                Pages.text(resultForm), Pages.text(legalBasis), suspensionAllowed, extensionAllowed,
                Pages.text(supplementLapse), Pages.text(sameDayCutoff), null, null);
        return new Request(version, local.build(), path -> place(path, docRows, feeRows, stepRows));
    }

    private static final Pattern DOCUMENT = Pattern.compile("documents\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern FEE = Pattern.compile("fees\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern STEP = Pattern.compile("plan\\.stages\\[(\\d+)](?:\\.steps\\[(\\d+)](?:\\.(\\w+))?)?.*");

    /** The input and label of intake's field path, or null for one this form has no input for. */
    static FormErrors.Target place(String path, List<Integer> docRows, List<Integer> feeRows, Map<String, Integer> stepRows) {
        Matcher m;
        if ((m = DOCUMENT.matcher(path)).matches()) {
            int row = row(docRows, m.group(1));
            String part = m.group(2) == null ? "name" : m.group(2);
            return switch (part) {
                case "form" -> new FormErrors.Target("doc-" + row + "-form", documentLabel(row) + ", loại bản");
                case "copies" -> new FormErrors.Target("doc-" + row + "-copies", documentLabel(row) + ", số bản");
                default -> new FormErrors.Target("doc-" + row + "-name", documentLabel(row) + ", tên giấy tờ");
            };
        }
        if ((m = FEE.matcher(path)).matches()) {
            int row = row(feeRows, m.group(1));
            String part = m.group(2) == null ? "name" : m.group(2);
            return switch (part) {
                case "amountVnd" -> new FormErrors.Target("fee-" + row + "-amount", feeLabel(row) + ", số tiền");
                case "note" -> new FormErrors.Target("fee-" + row + "-note", feeLabel(row) + ", ghi chú");
                default -> new FormErrors.Target("fee-" + row + "-name", feeLabel(row) + ", tên khoản");
            };
        }
        if ((m = STEP.matcher(path)).matches() && m.group(2) != null) {
            Integer row = stepRows.get(m.group(1) + "." + m.group(2));
            if (row == null) {
                return new FormErrors.Target("steps", "Các bước xử lý");
            }
            String part = m.group(3) == null ? "agencyCode" : m.group(3);
            return switch (part) {
                case "stepId" -> new FormErrors.Target("step-" + row + "-id", stepLabel(row) + ", mã bước");
                case "name" -> new FormErrors.Target("step-" + row + "-name", stepLabel(row) + ", tên bước");
                case "share" -> new FormErrors.Target("step-" + row + "-share", stepLabel(row) + ", thời gian");
                default -> new FormErrors.Target("step-" + row + "-agency", stepLabel(row) + ", cơ quan thực hiện");
            };
        }
        if (path.startsWith("plan.leadAgencyCode")) {
            return new FormErrors.Target("leadAgency", "Cơ quan chủ trì");
        }
        if (path.startsWith("plan")) {
            return new FormErrors.Target("steps", "Các bước xử lý");
        }
        return switch (path) {
            case "code" -> new FormErrors.Target("code", "Mã thủ tục");
            case "effectiveFrom" -> new FormErrors.Target("effectiveFrom", "Ngày hiệu lực");
            case "name" -> new FormErrors.Target("name", "Tên thủ tục");
            case "field" -> new FormErrors.Target("field", "Lĩnh vực");
            case "competentAgency" -> new FormErrors.Target("competentAgency", "Cơ quan có thẩm quyền");
            case "statutoryTime", "statutoryTime.value", "statutoryTime.unit" ->
                    new FormErrors.Target("timeValue", "Thời hạn giải quyết");
            case "onlineLevel" -> new FormErrors.Target("onlineLevel", "Mức dịch vụ công trực tuyến");
            case "resultForm" -> new FormErrors.Target("resultForm", "Kết quả thực hiện");
            case "legalBasis" -> new FormErrors.Target("legalBasis", "Căn cứ pháp lý");
            case "sameDayCutoff" -> new FormErrors.Target("sameDayCutoff", "Giờ chốt nhận hồ sơ giải quyết trong ngày");
            case "documents" -> new FormErrors.Target("documents", "Thành phần hồ sơ");
            case "fees" -> new FormErrors.Target("fees", "Phí, lệ phí");
            default -> null;
        };
    }

    private static int row(List<Integer> rows, String sent) {
        int i = Integer.parseInt(sent);
        return i < rows.size() ? rows.get(i) : i;
    }

    static String documentLabel(int row) {
        return "Thành phần hồ sơ " + (row + 1);
    }

    static String feeLabel(int row) {
        return "Khoản phí, lệ phí " + (row + 1);
    }

    static String stepLabel(int row) {
        return "Bước " + (row + 1);
    }

    private static Integer number(String text, String input, String label, FormErrors.Builder local) {
        String t = Pages.text(text);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            local.add(input, label + ": phải là số nguyên.");
            return null;
        }
    }

    private static String value(MultivaluedMap<String, String> posted, String name) {
        String v = posted.getFirst(name);
        return v == null ? "" : v;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
