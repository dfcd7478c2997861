package org.ccin.store;

import java.time.Clock;
import java.time.Duration;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.casestudies.CaseStudyEmbeddings;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.ccin.store.casestudies.CaseStudySearch;
import org.ccin.store.search.SemanticModel;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.groups.Groups;
import org.ccin.store.dashboard.Figures;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.newsletters.Newsletters;
import org.ccin.store.privacy.Backups;
import org.ccin.store.privacy.PersonalData;
import org.ccin.store.privacy.Retention;
import org.ccin.store.reminders.Reminders;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.measures.CountedActivity;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.search.SavedSearchRepository;
import org.ccin.store.search.SynonymRepository;
import org.ccin.store.state.BotStateRepository;

/**
 * Every repository over one database, built once at start and passed to whoever needs them. Thread-safe.
 */
public final class Store {
    private final Database database;
    private final MemberRepository members;
    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;
    private final InboxRepository inbox;
    private final ConversationRepository conversations;
    private final AuditLog auditLog;
    private final BotStateRepository botState;
    private final PlanRepository plans;
    private final CaseStudyRepository caseStudies;
    private final CaseStudySearch caseStudySearch;
    private final TopicRepository topics;
    private final SynonymRepository synonyms;
    private final SavedSearchRepository savedSearches;
    private final OutboxRepository outbox;
    private final Groups groups;
    private final Reminders reminders;
    private final Newsletters newsletters;
    private final WebLogins webLogins;
    private final Figures figures;
    private final MeasureRepository measures;
    private final CountedActivity countedActivity;
    private final PersonalData personalData;
    private final Retention retention;
    private final Backups backups;
    private final Confirmations confirmations;
    private final Clock clock;

    /** @param conversationLifetime how long an untouched conversation lives */
    public Store(Database database, Clock clock, Duration conversationLifetime) {
        this.database = database;
        this.members = new MemberRepository(database, clock);
        this.organisations = new OrganisationRepository(database, clock);
        this.referenceData = new ReferenceDataRepository(database);
        this.inbox = new InboxRepository(database, clock);
        this.conversations = new ConversationRepository(database, clock, conversationLifetime);
        this.auditLog = new AuditLog(database, clock);
        this.botState = new BotStateRepository(database, clock);
        this.plans = new PlanRepository(database, clock);
        this.measures = new MeasureRepository(database);
        this.countedActivity = new CountedActivity(database);
        this.caseStudies = new CaseStudyRepository(database, clock);
        this.topics = new TopicRepository(database);
        this.synonyms = new SynonymRepository(database, clock);
        // the model is only loaded when someone starts it (the bot at start-up, an import): until then, words only
        this.caseStudySearch = new CaseStudySearch(caseStudies, new CaseStudyEmbeddings(database), synonyms,
                SemanticModel.shared());
        this.savedSearches = new SavedSearchRepository(database, clock);
        this.outbox = new OutboxRepository(database, clock);
        this.groups = new Groups(database, clock);
        this.reminders = new Reminders(database, clock);
        this.newsletters = new Newsletters(database, clock);
        this.webLogins = new WebLogins(database, clock);
        this.figures = new Figures(database, clock);
        this.personalData = new PersonalData(database, clock);
        this.retention = new Retention(database, clock);
        this.backups = new Backups(database, clock);
        this.confirmations = new Confirmations(database, clock);
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public PlanRepository plans() {
        return plans;
    }

    public MeasureRepository measures() {
        return measures;
    }

    public CountedActivity countedActivity() {
        return countedActivity;
    }

    public CaseStudyRepository caseStudies() {
        return caseStudies;
    }

    /** The library's search by words and meaning. */
    public CaseStudySearch caseStudySearch() {
        return caseStudySearch;
    }

    public TopicRepository topics() {
        return topics;
    }

    public SynonymRepository synonyms() {
        return synonyms;
    }

    public SavedSearchRepository savedSearches() {
        return savedSearches;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public Groups groups() {
        return groups;
    }

    public Reminders reminders() {
        return reminders;
    }

    public Newsletters newsletters() {
        return newsletters;
    }

    public WebLogins webLogins() {
        return webLogins;
    }

    public Figures figures() {
        return figures;
    }

    public PersonalData personalData() {
        return personalData;
    }

    public Retention retention() {
        return retention;
    }

    public Backups backups() {
        return backups;
    }

    public Confirmations confirmations() {
        return confirmations;
    }

    public Database database() {
        return database;
    }

    public MemberRepository members() {
        return members;
    }

    public OrganisationRepository organisations() {
        return organisations;
    }

    public ReferenceDataRepository referenceData() {
        return referenceData;
    }

    public InboxRepository inbox() {
        return inbox;
    }

    public ConversationRepository conversations() {
        return conversations;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public BotStateRepository botState() {
        return botState;
    }
}
