using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Domain.Auditing;

namespace CleanApp.Application.Audit;

/// <summary>An entry as it is stored, field by field.</summary>
public sealed class AuditMappingProfile : Profile
{
    public AuditMappingProfile() => CreateMap<AuditLogEntry, AuditEntryDto>();
}
