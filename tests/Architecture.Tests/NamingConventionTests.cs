using CleanApp.Architecture.Tests.Support;
using FluentValidation;
using MediatR;

namespace CleanApp.Architecture.Tests;

/// <summary>STYLE.md rule 1: VerbNounCommand, GetXQuery, …Handler, …Validator, so a use case is found in two hops.</summary>
public sealed class NamingConventionTests
{
    private static IEnumerable<Type> Requests() =>
        Layers
            .ConcreteTypes(Layers.Application)
            .Where(t => Layers.ClosedInterfacesOf(t, typeof(IRequest<>)).Any() || typeof(IRequest).IsAssignableFrom(t));

    private static IEnumerable<Type> RequestHandlers() =>
        Layers.ConcreteTypes(Layers.Application).Where(t => Layers.ClosedInterfacesOf(t, typeof(IRequestHandler<,>)).Any());

    private static IEnumerable<Type> Validators() =>
        Layers.ConcreteTypes(Layers.Application).Where(t => Layers.ClosedInterfacesOf(t, typeof(IValidator<>)).Any());

    [Test]
    public void There_are_requests_handlers_and_validators_to_check() =>
        Assert.Multiple(() =>
        {
            Assert.That(Requests(), Is.Not.Empty);
            Assert.That(RequestHandlers(), Is.Not.Empty);
            Assert.That(Validators(), Is.Not.Empty);
        });

    [Test]
    public void Every_request_handler_is_named_after_its_request_plus_Handler()
    {
        var offenders =
            from handler in RequestHandlers()
            from contract in Layers.ClosedInterfacesOf(handler, typeof(IRequestHandler<,>))
            let expected = contract.GetGenericArguments()[0].Name + "Handler"
            where handler.Name != expected
            select $"{handler.FullName} should be {expected}";

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_notification_handler_ends_with_Handler() =>
        Assert.That(
            Layers
                .ConcreteTypes(Layers.Application)
                .Where(t => Layers.ClosedInterfacesOf(t, typeof(INotificationHandler<>)).Any())
                .Select(t => t.Name),
            Is.All.EndsWith("Handler")
        );

    [Test]
    public void Every_validator_is_named_after_its_request_plus_Validator()
    {
        var offenders =
            from validator in Validators()
            from contract in Layers.ClosedInterfacesOf(validator, typeof(IValidator<>))
            let expected = contract.GetGenericArguments()[0].Name + "Validator"
            where validator.Name != expected
            select $"{validator.FullName} should be {expected}";

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Commands_end_with_Command_and_live_under_Commands()
    {
        var offenders = Requests()
            .Where(t =>
                t.Namespace!.Contains(".Commands.", StringComparison.Ordinal) != t.Name.EndsWith("Command", StringComparison.Ordinal)
            )
            .Select(t => t.FullName);

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Queries_end_with_Query_and_live_under_Queries()
    {
        var offenders = Requests()
            .Where(t => t.Namespace!.Contains(".Queries.", StringComparison.Ordinal) != t.Name.EndsWith("Query", StringComparison.Ordinal))
            .Select(t => t.FullName);

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Every_request_is_either_a_command_or_a_query() =>
        Assert.That(
            Requests()
                .Where(t => !t.Name.EndsWith("Command", StringComparison.Ordinal) && !t.Name.EndsWith("Query", StringComparison.Ordinal))
                .Select(t => t.FullName),
            Is.Empty
        );

    [Test]
    public void Every_request_has_exactly_one_handler()
    {
        var handled = RequestHandlers()
            .SelectMany(h => Layers.ClosedInterfacesOf(h, typeof(IRequestHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

        Assert.That(Requests().Where(r => handled.Count(h => h == r) != 1).Select(r => r.FullName), Is.Empty);
    }

    [Test]
    public void Handlers_and_validators_sit_beside_their_request()
    {
        var offenders =
            from type in RequestHandlers().Concat(Validators())
            from contract in type.GetInterfaces()
                .Where(i =>
                    i.IsGenericType
                    && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(IValidator<>))
                )
            let request = contract.GetGenericArguments()[0]
            where request.Assembly == Layers.Application && request.Namespace != type.Namespace
            select $"{type.FullName} is not in {request.Namespace}";

        Assert.That(offenders.Distinct(), Is.Empty);
    }
}
