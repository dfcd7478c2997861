package org.ccin.bot.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.ccin.store.organisations.Organisation;

/**
 * The partners question: each typed name is looked up in the organisations list; an exact name is added at once,
 * close ones are offered as buttons with "keep as typed", and a name like none is added as typed.
 */
final class PartnerPicker {
    private final LabRecords records;
    private final FlowState<ApplyState> state;
    private final ApplicationFlow flow;

    PartnerPicker(LabRecords records, FlowState<ApplyState> state, ApplicationFlow flow) {
        this.records = records;
        this.state = state;
        this.flow = flow;
    }

    void typed(Context context, Round round, Application draft, int index, String typed) {
        Texts texts = context.texts();
        Optional<Organisation> exact = records.organisations().findByName(typed);
        if (exact.isPresent()) {
            add(context, round, draft, index, exact.get().name());
            return;
        }
        List<Organisation> like = records.organisations().search(typed, 4);
        if (like.isEmpty()) {
            add(context, round, draft, index, typed);
            return;
        }
        state.save(context, "answer", new ApplyState(draft.id(), index, typed));
        Keyboard keyboard = Keyboard.create();
        for (Organisation organisation : like) {
            keyboard.row().button(organisation.name(),
                    LabsButton.SET.data(new LabsButton.PickPartner(draft.id(), organisation.id())));
        }
        keyboard.row().button(texts.plain("labs.partner.as.typed", "name", typed),
                LabsButton.SET.data(new LabsButton.TypedPartner(draft.id())));
        context.reply().send(texts.get("labs.partner.which", "name", typed), keyboard.build());
    }

    private void add(Context context, Round round, Application draft, int index, String name) {
        Texts texts = context.texts();
        List<String> partners = new ArrayList<>(draft.answer(Question.PARTNERS)
                .map(a -> List.of(a.split("\n"))).orElse(List.of()));
        if (partners.stream().noneMatch(p -> p.equalsIgnoreCase(name))) {
            partners.add(name);
        }
        records.applications().setAnswer(draft.id(), Question.PARTNERS, String.join("\n", partners));
        state.save(context, "answer", new ApplyState(draft.id(), index, ""));
        context.reply().send(texts.get("labs.partner.added", "name", name, "count", partners.size(),
                "list", String.join(", ", partners)),
                ApplicationFlow.keyboard(texts, draft.id(), index, round.questions().size()));
    }

    void pick(Context context, LabsButton.PickPartner button) {
        flow.tapped(context, button.applicationId()).ifPresent(draft -> {
            Optional<Organisation> organisation = records.organisations().findById(button.organisationId());
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            int index = round.questions().indexOf(Question.PARTNERS);
            if (organisation.isEmpty() || index < 0) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            add(context, round, draft, index, organisation.get().name());
        });
    }

    void keepTyped(Context context, LabsButton.TypedPartner button) {
        flow.tapped(context, button.applicationId()).ifPresent(draft -> {
            Optional<ApplyState> current = state.current(context).flatMap(state::read)
                    .filter(s -> s.applicationId() == draft.id() && !s.typedPartner().isBlank());
            Round round = records.rounds().find(draft.roundId()).orElseThrow();
            int index = round.questions().indexOf(Question.PARTNERS);
            if (current.isEmpty() || index < 0) {
                context.reply().alert(context.texts().plain("labs.partner.gone"));
                return;
            }
            add(context, round, draft, index, current.get().typedPartner());
        });
    }
}
