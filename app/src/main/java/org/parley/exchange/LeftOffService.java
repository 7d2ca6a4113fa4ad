package org.parley.exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.api.Caller;
import org.parley.registry.Person;
import org.parley.registry.RegistryService;
import org.parley.wishes.WishService;
import org.parley.wishes.WishStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Left off the list" (README, "Exchange rounds"): the persons a party's latest request or offer could name and
 * does not, how many were named before and dropped, and their breakdown — counting only the records the caller
 * may see under the registry's rules.
 */
@Service
public class LeftOffService {

    private final ExchangeService exchanges;
    private final ListService lists;
    private final LeftOffRepository leftOff;
    private final RegistryService registry;
    private final WishService wishes;

    LeftOffService(ExchangeService exchanges, ListService lists, LeftOffRepository leftOff,
            RegistryService registry, WishService wishes) {
        this.exchanges = exchanges;
        this.lists = lists;
        this.leftOff = leftOff;
        this.registry = registry;
        this.wishes = wishes;
    }

    /** A person left off as the caller may read them, and whether an earlier version named them. */
    public record Item(Person person, boolean removed, String removalReason) {
    }

    /** The figure: total = neverListed + removed; one page of the persons; counts per dimension and value. */
    public record Figure(long total, long neverListed, long removed, List<Item> items, int page, int size,
            Map<String, Map<String, Long>> breakdown) {
    }

    @Transactional(readOnly = true)
    public Figure figure(Caller caller, String roundId, String party, ListKind kind, int page, int size) {
        Round round = exchanges.round(caller, roundId);
        long partyId = lists.partyOf(round, party, roundId).id();
        long otherId = registry.organisation(round.other(party)).orElseThrow().id();
        Map<String, Object> params = new HashMap<>();
        String visible = registry.visibleCondition(caller, params);
        LeftOffRepository.Scope scope = kind == ListKind.REQUEST
                ? new LeftOffRepository.Scope(round.id(), partyId, kind, otherId, partyId, visible, params)
                : new LeftOffRepository.Scope(round.id(), partyId, kind, partyId, otherId, visible, params);
        LeftOffRepository.Figure read = leftOff.read(scope, page, size);
        LeftOffRepository.Counts counts = read.counts();
        List<LeftOffRepository.Row> rows = read.page();
        Map<Long, Person> persons = registry.visible(caller, rows.stream().map(LeftOffRepository.Row::personId)
                .toList()).stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<Item> items = rows.stream().filter(r -> persons.containsKey(r.personId()))
                .map(r -> new Item(persons.get(r.personId()), r.removed(), r.removalReason())).toList();
        Map<String, Map<String, Long>> breakdown = new LinkedHashMap<>(counts.breakdown());
        breakdown.put("wishStatus", wishStatuses(read.stated(), counts.total()));
        return new Figure(counts.total(), counts.total() - counts.removed(), counts.removed(), items, page, size,
                breakdown);
    }

    /**
     * The wish statuses of the {@code total} persons left off: derived for those with statements ({@code stated});
     * the others have said nothing, which is {@link WishStatus#UNKNOWN}.
     */
    private Map<String, Long> wishStatuses(List<Long> stated, long total) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WishStatus status : WishStatus.values()) {
            counts.put(status.name(), 0L);
        }
        wishes.statuses(stated).values().forEach(s -> counts.merge(s.name(), 1L, Long::sum));
        counts.merge(WishStatus.UNKNOWN.name(), total - stated.size(), Long::sum);
        counts.values().removeIf(n -> n == 0);
        return counts;
    }
}
