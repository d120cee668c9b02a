namespace ScribeBot.Core.Incidents;

// The incident's instants, their order, and the durations measured between them.
public sealed partial record Incident
{
    /// <summary>The outage's start: impact began, else detected, else declared.</summary>
    public IncidentInstant OutageStart =>
        ImpactBegan is { } began ? new(IncidentFact.ImpactBegan, began.At)
        : Detected is { } detected ? new(IncidentFact.Detected, detected.At)
        : new(IncidentFact.Declared, Declared.At);

    /// <summary>Time to detect: from when impact began to detection, when both are recorded.</summary>
    public TimeSpan? TimeToDetect => ImpactBegan is { } began && Detected is { } detected ? detected.At - began.At : null;

    /// <summary>Time to acknowledge: from the <see cref="ClockStart"/> (the page, else the declaration) to acknowledged.</summary>
    public TimeSpan? TimeToAcknowledge => Acknowledged is { } ack ? ack.At - ClockStart : null;

    /// <summary>Time to resolve: from the <see cref="ClockStart"/> (the page, else the declaration) to resolved.</summary>
    public TimeSpan? TimeToResolve => Resolved is { } resolved ? resolved.At - ClockStart : null;

    /// <summary>
    /// The outage's end as the incident records it: when impact ended (<see cref="Recovered"/>), else the resolve; null
    /// while neither is known. Facts.IncidentFacts adds the end a tagged message gives.
    /// </summary>
    public IncidentInstant? OutageEnd =>
        Recovered is { } recovered ? new(IncidentFact.Recovered, recovered.At)
        : Resolved is { } resolved ? new(IncidentFact.Resolved, resolved.At)
        : null;

    /// <summary>Outage start to <see cref="OutageEnd"/>, when that is known.</summary>
    public TimeSpan? OutageDuration => OutageEnd is { } end ? end.At - OutageStart.At : null;

    /// <summary>The recorded instants, in the order they must happen (impact began, detected, declared, acknowledged, resolved).</summary>
    public IReadOnlyList<IncidentInstant> KnownInstants()
    {
        var instants = new List<IncidentInstant>(5);
        if (ImpactBegan is { } began)
        {
            instants.Add(new(IncidentFact.ImpactBegan, began.At));
        }

        if (Detected is { } detected)
        {
            instants.Add(new(IncidentFact.Detected, detected.At));
        }

        instants.Add(new(IncidentFact.Declared, Declared.At));
        if (Acknowledged is { } ack)
        {
            instants.Add(new(IncidentFact.Acknowledged, ack.At));
        }

        if (Resolved is { } resolved)
        {
            instants.Add(new(IncidentFact.Resolved, resolved.At));
        }

        return instants;
    }

    /// <summary>
    /// The impossible-order rule: known instants that are out of order. Only neighbours among the known instants are
    /// compared, so one wrong time yields one conflict, not four.
    /// </summary>
    public IReadOnlyList<OrderConflict> OrderConflicts()
    {
        // A paged incident's clock runs from the page, and the on-call acknowledges the page before (or without) anyone
        // declaring in chat: then the declaration is no link in the chain detection, acknowledgement, resolution.
        var instants = Page is null ? KnownInstants() : [.. KnownInstants().Where(i => i.Fact != IncidentFact.Declared)];
        List<OrderConflict>? conflicts = null;
        for (var i = 1; i < instants.Count; i++)
        {
            if (instants[i - 1].At > instants[i].At)
            {
                (conflicts ??= []).Add(new OrderConflict(instants[i - 1], instants[i]));
            }
        }

        return conflicts ?? (IReadOnlyList<OrderConflict>)[];
    }

    /// <summary>MTTA, MTTR, the outage's length and the time to detect, each flagged when it rests on times in an impossible order.</summary>
    public ResponseTimes GetResponseTimes()
    {
        var conflicts = OrderConflicts();

        // A page's trigger is recorded as the detection (AttachPage), so that is the instant the clocks rest on.
        var clock = Page is null ? IncidentFact.Declared : IncidentFact.Detected;
        return new ResponseTimes(
            Measure(TimeToAcknowledge, clock, IncidentFact.Acknowledged),
            Measure(TimeToResolve, clock, IncidentFact.Resolved),
            Measure(OutageDuration, OutageStart.Fact, OutageEnd?.Fact ?? IncidentFact.Resolved))
        {
            Page = Page,
            ToDetect = Measure(TimeToDetect, IncidentFact.ImpactBegan, IncidentFact.Detected),
        };

        MeasuredSpan? Measure(TimeSpan? span, IncidentFact from, IncidentFact to) =>
            span is { } value ? new MeasuredSpan(value, value < TimeSpan.Zero || conflicts.Any(c => c.Spoils(from, to))) : null;
    }
}
