namespace ScribeBot.Core.Incidents;

// The incident's instants, their order, and the durations measured between them.
public sealed partial record Incident
{
    /// <summary>The outage's start: impact began, else detected, else declared.</summary>
    public IncidentInstant OutageStart =>
        ImpactBegan is { } began ? new(IncidentFact.ImpactBegan, began.At)
        : Detected is { } detected ? new(IncidentFact.Detected, detected.At)
        : new(IncidentFact.Declared, Declared.At);

    /// <summary>Time to acknowledge: declared to acknowledged.</summary>
    public TimeSpan? TimeToAcknowledge => Acknowledged is { } ack ? ack.At - Declared.At : null;

    /// <summary>Time to resolve: declared to resolved.</summary>
    public TimeSpan? TimeToResolve => Resolved is { } resolved ? resolved.At - Declared.At : null;

    /// <summary>Outage start to resolution, when resolved.</summary>
    public TimeSpan? OutageDuration => Resolved is { } resolved ? resolved.At - OutageStart.At : null;

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
        var instants = KnownInstants();
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

    /// <summary>MTTA, MTTR and the outage's length, each flagged when it rests on times in an impossible order.</summary>
    public ResponseTimes GetResponseTimes()
    {
        var conflicts = OrderConflicts();
        return new ResponseTimes(
            Measure(TimeToAcknowledge, IncidentFact.Declared, IncidentFact.Acknowledged),
            Measure(TimeToResolve, IncidentFact.Declared, IncidentFact.Resolved),
            Measure(OutageDuration, OutageStart.Fact, IncidentFact.Resolved));

        MeasuredSpan? Measure(TimeSpan? span, IncidentFact from, IncidentFact to) =>
            span is { } value ? new MeasuredSpan(value, conflicts.Any(c => c.Spoils(from, to))) : null;
    }
}
