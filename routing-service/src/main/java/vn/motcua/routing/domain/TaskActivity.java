package vn.motcua.routing.domain;

import vn.motcua.shared.events.routing.SignatureMark;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One thing someone did with a task inside the agency, for the control sheet (Form 06): who, what, when. */
@Entity
@Table(name = "task_activity")
public class TaskActivity {
    /** What was done; {@link #label} is how Form 06 says it. */
    public enum Action {
        ASSIGNED("Phân công xử lý"),
        DRAFTED("Dự thảo kết quả"),
        SENT_BACK("Trả lại dự thảo"),
        REVIEWED("Thẩm định đạt"),
        SIGNED("Ký duyệt");

        public final String label;

        Action(String label) {
            this.label = label;
        }
    }

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public String actor;

    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    /** For a delegate's signature: the mark it was made under (KT., TL., TUQ.). */
    @Enumerated(EnumType.STRING)
    @Column(name = "sign_as")
    public SignatureMark signAs;

    @Column(nullable = false)
    public OffsetDateTime at;

    public String note;

    static TaskActivity of(AgencyTask task, Action action, String actor, String onBehalfOf, OffsetDateTime at,
                           String note) {
        TaskActivity activity = new TaskActivity();
        activity.id = UUID.randomUUID();
        activity.taskId = task.id;
        activity.dossierCode = task.dossierCode;
        activity.action = action;
        activity.actor = actor;
        activity.onBehalfOf = onBehalfOf;
        activity.at = at;
        activity.note = note;
        return activity;
    }
}
