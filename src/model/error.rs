//! API errors as values, in the shape Lambda returns them.

use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ErrorCode {
    InvalidParameterValueException,
    ValidationException,
    ResourceNotFoundException,
    ResourceConflictException,
    PreconditionFailedException,
    TooManyRequestsException,
    ServiceException,
    /// A request that names another account (403).
    AccessDeniedException,
    /// A body that is not what the operation reads, e.g. an Invoke payload that is not JSON.
    InvalidRequestContentException,
    /// CloudWatch's spelling of a validation failure (its query protocol).
    ValidationError,
    /// A template with IAM resources deployed without the capability that acknowledges them.
    InsufficientCapabilitiesException,
    /// `aws cloudformation deploy` ended in a rollback: the CLI prints its own text (exit 255).
    StackDeployFailed,
    // CodeDeploy's errors (all 400).
    DeploymentDoesNotExistException,
    InvalidDeploymentIdException,
    DeploymentAlreadyCompletedException,
    DeploymentConfigDoesNotExistException,
    DeploymentConfigAlreadyExistsException,
    InvalidTrafficRoutingConfigurationException,
    InvalidDeploymentConfigNameException,
    DeploymentLimitExceededException,
    AlarmsLimitExceededException,
    InvalidComputePlatformException,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidParameterValueException => "InvalidParameterValueException",
            Self::ValidationException => "ValidationException",
            Self::ResourceNotFoundException => "ResourceNotFoundException",
            Self::ResourceConflictException => "ResourceConflictException",
            Self::PreconditionFailedException => "PreconditionFailedException",
            Self::TooManyRequestsException => "TooManyRequestsException",
            Self::ServiceException => "ServiceException",
            Self::AccessDeniedException => "AccessDeniedException",
            Self::InvalidRequestContentException => "InvalidRequestContentException",
            Self::ValidationError => "ValidationError",
            Self::StackDeployFailed => "StackDeployFailed",
            Self::InsufficientCapabilitiesException => "InsufficientCapabilitiesException",
            Self::DeploymentDoesNotExistException => "DeploymentDoesNotExistException",
            Self::InvalidDeploymentIdException => "InvalidDeploymentIdException",
            Self::DeploymentAlreadyCompletedException => "DeploymentAlreadyCompletedException",
            Self::DeploymentConfigDoesNotExistException => "DeploymentConfigDoesNotExistException",
            Self::DeploymentConfigAlreadyExistsException => "DeploymentConfigAlreadyExistsException",
            Self::InvalidTrafficRoutingConfigurationException => "InvalidTrafficRoutingConfigurationException",
            Self::InvalidDeploymentConfigNameException => "InvalidDeploymentConfigNameException",
            Self::DeploymentLimitExceededException => "DeploymentLimitExceededException",
            Self::AlarmsLimitExceededException => "AlarmsLimitExceededException",
            Self::InvalidComputePlatformException => "InvalidComputePlatformException",
        }
    }

    pub fn status(self) -> u16 {
        match self {
            Self::InvalidParameterValueException | Self::ValidationException => 400,
            Self::InvalidRequestContentException | Self::ValidationError | Self::StackDeployFailed => 400,
            Self::InsufficientCapabilitiesException => 400,
            Self::DeploymentDoesNotExistException => 400,
            Self::InvalidDeploymentIdException => 400,
            Self::DeploymentAlreadyCompletedException => 400,
            Self::DeploymentConfigDoesNotExistException => 400,
            Self::DeploymentConfigAlreadyExistsException => 400,
            Self::InvalidTrafficRoutingConfigurationException => 400,
            Self::InvalidDeploymentConfigNameException => 400,
            Self::DeploymentLimitExceededException => 400,
            Self::AlarmsLimitExceededException => 400,
            Self::InvalidComputePlatformException => 400,
            Self::AccessDeniedException => 403,
            Self::ResourceNotFoundException => 404,
            Self::ResourceConflictException => 409,
            Self::PreconditionFailedException => 412,
            Self::TooManyRequestsException => 429,
            Self::ServiceException => 500,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError { code, message: message.into() }
    }

    pub fn invalid_parameter(message: impl Into<String>) -> ApiError {
        Self::new(ErrorCode::InvalidParameterValueException, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        Self::new(ErrorCode::ResourceNotFoundException, message)
    }

    pub fn conflict(message: impl Into<String>) -> ApiError {
        Self::new(ErrorCode::ResourceConflictException, message)
    }

    /// `1 validation error detected: Value '<v>' at '<field>' failed to satisfy constraint: <c>`
    pub fn validation(value: &str, field: &str, constraint: &str) -> ApiError {
        Self::new(
            ErrorCode::ValidationException,
            format!(
                "1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: {constraint}"
            ),
        )
    }

    pub fn status(&self) -> u16 {
        self.code.status()
    }

    /// The error body Lambda sends: `Type` plus `message`, or `Message` for the codes that
    /// capitalise it (ResourceNotFound, Service).
    pub fn body(&self) -> serde_json::Value {
        let kind = if self.status() >= 500 { "Service" } else { "User" };
        match self.code {
            // Recorded with a null message (LocalStack snapshot test_function_arns).
            ErrorCode::AccessDeniedException => serde_json::json!({ "Type": kind, "Message": null }),
            ErrorCode::ResourceNotFoundException | ErrorCode::ServiceException => {
                serde_json::json!({ "Type": kind, "Message": self.message })
            }
            _ => serde_json::json!({ "Type": kind, "message": self.message }),
        }
    }

    /// Another account's function: 403 with a null message, which the AWS CLI prints as `None`
    /// (botocore reads the missing text as Python's None).
    pub fn access_denied() -> ApiError {
        Self::new(ErrorCode::AccessDeniedException, "None")
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_use_the_services_capitalisation() {
        let e = ApiError::not_found("Function not found: arn:aws:lambda:us-east-1:123456789012:function:f");
        assert_eq!(e.status(), 404);
        assert_eq!(e.body()["Type"], "User");
        assert!(e.body()["Message"].is_string() && e.body().get("message").is_none());
        let e = ApiError::invalid_parameter("bad");
        assert_eq!(e.body()["message"], "bad");
        assert_eq!(ApiError::conflict("x").status(), 409);
    }
}
