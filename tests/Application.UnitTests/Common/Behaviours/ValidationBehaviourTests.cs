using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.UnitTests.Support;
using FluentValidation;
using ValidationException = CleanApp.Application.Common.Exceptions.ValidationException;

namespace CleanApp.Application.UnitTests.Common.Behaviours;

public sealed class ValidationBehaviourTests
{
    [Test]
    public async Task A_request_without_validators_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([]);

        var response = await behaviour.Handle(new PlainRequest(null), CancellationToken.None, () => Task.FromResult("handled"));

        Assert.That(response, Is.EqualTo("handled"));
    }

    [Test]
    public async Task A_valid_request_reaches_the_handler()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([new NameRequired()]);

        var response = await behaviour.Handle(new PlainRequest("jake"), CancellationToken.None, () => Task.FromResult("handled"));

        Assert.That(response, Is.EqualTo("handled"));
    }

    [Test]
    public async Task An_invalid_request_throws_before_the_handler_runs()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([new NameRequired()]);
        var handlerRan = false;

        var ex = await Assert.ThrowsAsync<ValidationException>(() => behaviour.Handle(new PlainRequest(null), CancellationToken.None, () =>
            {
                handlerRan = true;
                return Task.FromResult("handled");
            }));

        Assert.Multiple(() =>
        {
            Assert.That(handlerRan, Is.False);
            Assert.That(ex!.Errors["name"], Is.EqualTo(new[] { "can't be blank" }));
        });
    }

    [Test]
    public async Task Failures_of_every_validator_are_collected_per_field()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([new NameRequired(), new NameLong()]);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            behaviour.Handle(new PlainRequest(string.Empty), CancellationToken.None, () => Task.FromResult("handled"))
        );

        Assert.That(ex!.Errors["name"], Is.EquivalentTo(new[] { "can't be blank", "is too short" }));
    }

    [Test]
    public async Task Validators_run_one_after_another_never_concurrently()
    {
        var journal = new List<string>();
        var probe = new ConcurrencyProbe();
        var behaviour = new ValidationBehaviour<PlainRequest, string>([
            new SlowValidator("first", journal, probe),
            new SlowValidator("second", journal, probe),
        ]);

        await behaviour.Handle(new PlainRequest("jake"), CancellationToken.None, () => Task.FromResult("handled"));

        Assert.Multiple(() =>
        {
            Assert.That(journal, Is.EqualTo(new[] { "first start", "first end", "second start", "second end" }));
            Assert.That(probe.MaxConcurrent, Is.EqualTo(1));
        });
    }

    private sealed class NameRequired : AbstractValidator<PlainRequest>
    {
        public NameRequired() => RuleFor(r => r.Name).NotEmpty().WithMessage("can't be blank");
    }

    private sealed class NameLong : AbstractValidator<PlainRequest>
    {
        public NameLong() => RuleFor(r => r.Name).MinimumLength(2).WithMessage("is too short");
    }

    private sealed class ConcurrencyProbe
    {
        private int _current;

        public int MaxConcurrent { get; private set; }

        public void Enter() => MaxConcurrent = Math.Max(MaxConcurrent, Interlocked.Increment(ref _current));

        public void Leave() => Interlocked.Decrement(ref _current);
    }

    /// <summary>An asynchronous rule that yields for a while, as a validator querying the DbContext would.</summary>
    private sealed class SlowValidator : AbstractValidator<PlainRequest>
    {
        public SlowValidator(string name, List<string> journal, ConcurrencyProbe probe) =>
            RuleFor(r => r.Name)
                .MustAsync(
                    async (_, ct) =>
                    {
                        probe.Enter();
                        lock (journal)
                        {
                            journal.Add($"{name} start");
                        }

                        await Task.Delay(50, ct);
                        lock (journal)
                        {
                            journal.Add($"{name} end");
                        }

                        probe.Leave();
                        return true;
                    }
                );
    }
}
