namespace CleanApp.Domain.Common;

/// <summary>Marker for something that happened in the domain. Carries ids and values, never entities.</summary>
public interface IDomainEvent;
